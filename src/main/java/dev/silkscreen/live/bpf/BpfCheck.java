package dev.silkscreen.live.bpf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * Capture filters checked by libpcap's own compiler before anything reaches a cell: a filter is
 * compiled for a dead handle of the interface's link type (through pcap4j), exactly as tcpdump on
 * the cell would compile it, so a typo is one clear error naming the filter before connecting
 * rather than a complaint from tcpdump on every cell. Where libpcap is not installed locally the
 * check is {@linkplain #available() unavailable} and says why; the cells still refuse bad filters.
 *
 * <p>Loaded lazily: only a live session with a capture filter pays for JNA and libpcap.
 */
public final class BpfCheck {
    /** Ethernet: veths, silk-vtep and the underlay NIC. */
    public static final int EN10MB = 1;
    /** Linux cooked capture ({@code -i any}). */
    public static final int LINUX_SLL = 113;

    /** Where Debian and others put the runtime library (without the -dev package's libpcap.so link). */
    private static final List<String> LIBRARY_PLACES = List.of("/usr/lib/x86_64-linux-gnu/libpcap.so.0.8",
            "/usr/lib/aarch64-linux-gnu/libpcap.so.0.8", "/usr/lib64/libpcap.so.1", "/usr/lib/libpcap.so.1",
            "/usr/lib/libpcap.so.0.8", "/usr/lib/libpcap.A.dylib");
    private static final String LIB_PROPERTY = "org.pcap4j.core.pcapLibName";

    private static volatile BpfCheck instance;

    private final String unavailable;

    private BpfCheck(String unavailable) {
        this.unavailable = unavailable;
    }

    /** The check, loading libpcap on first use. */
    public static BpfCheck get() {
        BpfCheck c = instance;
        if (c == null) {
            synchronized (BpfCheck.class) {
                c = instance;
                if (c == null) {
                    c = load();
                    instance = c;
                }
            }
        }
        return c;
    }

    private static BpfCheck load() {
        if (System.getProperty(LIB_PROPERTY) == null) {
            for (String place : LIBRARY_PLACES) {
                if (Files.isReadable(Path.of(place))) {
                    System.setProperty(LIB_PROPERTY, place);
                    break;
                }
            }
        }
        try {
            String version = Pcaps.libVersion();
            return new BpfCheck(version == null ? "libpcap answered no version" : null);
        } catch (LinkageError | RuntimeException e) {
            return new BpfCheck("libpcap is not installed here (" + oneLine(e) + "); capture filters are checked by tcpdump on the cells");
        }
    }

    /** True when filters can be checked here. */
    public boolean available() {
        return unavailable == null;
    }

    /** Why filters cannot be checked here, or null when they can. */
    public String unavailableReason() {
        return unavailable;
    }

    /**
     * libpcap's complaint about {@code filter} for an interface of link type {@code linkType}
     * ({@link #EN10MB}, {@link #LINUX_SLL}), or null when it compiles (or cannot be checked here).
     */
    public String problem(String filter, int linkType) {
        if (unavailable != null || filter == null || filter.isBlank()) {
            return null;
        }
        PcapHandle handle = null;
        try {
            handle = Pcaps.openDead(DataLinkType.getInstance(linkType), 262_144);
            BpfProgram program = handle.compileFilter(filter, BpfProgram.BpfCompileMode.OPTIMIZE, PcapHandle.PCAP_NETMASK_UNKNOWN);
            program.free();
            return null;
        } catch (PcapNativeException | NotOpenException e) {
            return oneLine(e);
        } finally {
            if (handle != null) {
                handle.close();
            }
        }
    }

    /** Throws {@link IllegalArgumentException} naming the filter when libpcap refuses it. */
    public void require(String what, String filter, int linkType) {
        String p = problem(filter, linkType);
        if (p != null) {
            throw new IllegalArgumentException(what + " '" + filter + "' is not a capture filter libpcap accepts: " + p);
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }
}
