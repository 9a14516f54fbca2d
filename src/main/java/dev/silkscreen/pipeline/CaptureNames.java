package dev.silkscreen.pipeline;

import dev.silkscreen.model.CapturePoint;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses a capture file's cell and interface from its name ({@code cell1-silk-vtep.pcap},
 * {@code diego-cell_0.eth0.pcapng}, {@code s-010255001002.pcap}), to pre-fill the dialog that
 * asks for them. A guess only: the person confirms or corrects it.
 */
public final class CaptureNames {
    private static final Pattern CELL = Pattern.compile("(diego[-_]cell[-_./]?\\d+|cell[-_]?\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern IFACE = Pattern.compile("(silk-vtep|s-\\d{12}|eth\\d+|ens\\d+|enp\\w+?\\d+|bond\\d+)");

    private CaptureNames() {
    }

    /** The guessed point; empty strings where nothing could be guessed. */
    public static CapturePoint guess(Path file) {
        String name = file.getFileName().toString();
        Matcher c = CELL.matcher(name);
        String cell = c.find() ? c.group(1).replace('_', '-').replace('.', '/') : "";
        String rest = c.find(0) ? name.substring(0, c.start()) + name.substring(c.end()) : name;
        Matcher i = IFACE.matcher(rest);
        String iface = i.find() ? i.group(1) : "";
        return new CapturePoint(cell, iface);
    }
}
