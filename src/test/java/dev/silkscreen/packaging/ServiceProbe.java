package dev.silkscreen.packaging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Run by {@link JarPackagingIT} as {@code java -cp target/silkscreen.jar:PROBE ServiceProbe
 * SERVICE...}: prints, for each service interface, the provider classes that {@link ServiceLoader}
 * finds and instantiates from the shaded jar (one line: {@code SERVICE=Provider,Provider}), or
 * {@code SERVICE!error} when a declared provider cannot be loaded. So the merged
 * {@code META-INF/services} files are tested as the JVM reads them, not as a zip listing.
 */
public final class ServiceProbe {
    private ServiceProbe() {
    }

    public static void main(String[] args) throws IOException {
        for (String service : args) {
            try {
                Class<?> type = Class.forName(service);
                TreeSet<String> found = new TreeSet<>();
                for (Object provider : ServiceLoader.load(type)) {
                    found.add(provider.getClass().getName());
                }
                System.out.println(service + "=" + String.join(",", found) + " declared=" + String.join(",", declared(service)));
            } catch (ReflectiveOperationException | LinkageError | java.util.ServiceConfigurationError e) {
                System.out.println(service + "!" + e);
            }
        }
    }

    /** The provider names the jar's service file lists (comments and blanks left out). */
    private static TreeSet<String> declared(String service) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        Enumeration<URL> files = ServiceProbe.class.getClassLoader().getResources("META-INF/services/" + service);
        while (files.hasMoreElements()) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
                r.lines().map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).forEach(names::add);
            }
        }
        return names;
    }
}
