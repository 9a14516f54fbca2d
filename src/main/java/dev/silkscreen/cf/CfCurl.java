package dev.silkscreen.cf;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks a logged-in {@code cf} CLI, opt-in, with a few fixed read-only requests:
 * {@code cf curl /networking/v1/external/tags}, then {@code cf curl /v3/apps?guids=…&per_page=5000},
 * {@code /v3/spaces?guids=…&include=organization&per_page=5000} and, for orgs not included,
 * {@code /v3/organizations?guids=…&per_page=5000}. Run as an argument list (no shell); the only
 * variable part is GUIDs, and only GUIDs this program parsed and checked ({@code 8-4-4-4-12} hex).
 */
public final class CfCurl {
    /** GUIDs per request: keeps the URL short (37 characters each). */
    static final int BATCH = 50;
    public static final String TAGS = "/networking/v1/external/tags";
    private final Path cf;
    private final Duration timeout;

    public CfCurl(Path cf, Duration timeout) {
        this.cf = cf;
        this.timeout = timeout;
    }

    /** The {@code cf} executable on {@code path} (the PATH variable's value), if there is one. */
    public static Optional<Path> onPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue; // never the current directory
            }
            Path p = Path.of(dir, "cf");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Fills a directory: the tags, then the apps behind them and {@code appGuids} (those of a
     * discovered foundation), their spaces and orgs.
     */
    public CfDirectory fetch(Collection<String> appGuids) throws CfException {
        CfDirectory d = new CfDirectory();
        d.addTags("cf curl " + TAGS, get(TAGS));
        Set<String> apps = new TreeSet<>(d.taggedGuids());
        for (String g : appGuids) {
            if (CfJson.isGuid(g)) {
                apps.add(g.toLowerCase(java.util.Locale.ROOT));
            }
        }
        for (List<String> batch : batches(apps)) {
            String endpoint = "/v3/apps?guids=" + String.join(",", batch) + "&per_page=5000";
            d.addApps("cf curl /v3/apps", get(endpoint));
        }
        for (List<String> batch : batches(d.unnamedSpaces())) {
            String endpoint = "/v3/spaces?guids=" + String.join(",", batch) + "&include=organization&per_page=5000";
            d.addSpaces("cf curl /v3/spaces", get(endpoint));
        }
        for (List<String> batch : batches(d.unnamedOrgs())) {
            String endpoint = "/v3/organizations?guids=" + String.join(",", batch) + "&per_page=5000";
            d.addOrgs("cf curl /v3/organizations", get(endpoint));
        }
        return d;
    }

    private static List<List<String>> batches(Set<String> guids) throws CfException {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (String g : guids) {
            if (!CfJson.isGuid(g)) {
                throw new CfException("not a GUID, not asked about: " + CfJson.clip(g));
            }
            cur.add(g);
            if (cur.size() == BATCH) {
                out.add(cur);
                cur = new ArrayList<>();
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    /** {@code cf curl ENDPOINT}, its JSON answer. */
    JsonNode get(String endpoint) throws CfException {
        String what = "cf curl " + endpoint.replaceAll("\\?.*", "");
        Process p;
        try {
            p = new ProcessBuilder(List.of(cf.toString(), "curl", endpoint))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new CfException(what + ": cannot run " + cf + ": " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream(), CfJson.MAX_BYTES));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream(), 4096));
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new CfException(what + ": no answer within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CfException(what + ": interrupted");
        }
        byte[] body = out.join();
        if (p.exitValue() != 0) {
            String first = new String(err.join(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).findFirst()
                    .orElse(new String(body, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).findFirst().orElse(""));
            throw new CfException(what + ": cf exited with " + p.exitValue() + (first.isEmpty() ? "" : ": " + CfJson.clip(first))
                    + " (is cf logged in? cf login, then try again)");
        }
        if (body.length >= CfJson.MAX_BYTES) {
            throw new CfException(what + ": the answer is larger than " + (CfJson.MAX_BYTES >> 20) + " MiB");
        }
        return CfJson.parse(what, body);
    }

    private static byte[] drain(InputStream in, long max) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (b.size() < max) {
                    b.write(buf, 0, (int) Math.min(n, max - b.size()));
                }
            }
        } catch (IOException e) {
            // the process ended: what was read is kept
        }
        return b.toByteArray();
    }
}
