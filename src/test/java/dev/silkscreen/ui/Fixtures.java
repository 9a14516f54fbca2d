package dev.silkscreen.ui;

import dev.silkscreen.model.App;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Flow;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Hop;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Policy;
import dev.silkscreen.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-built foundations and journeys for the plain unit tests (the UI tests use the real pipeline). */
public final class Fixtures {
    public static final String APP_B_IP = "10.255.1.2";
    public static final String APP_A_IP = "10.255.2.2";
    public static final String APP_C_IP = "10.255.1.3";

    private Fixtures() {
    }

    /** AppB (tag 4) on cell1, AppA (tag 3) on cell2, AppC (tag 5) on cell1; AppB may reach AppA on tcp 8080. */
    public static Foundation seed() {
        return new Foundation("seed",
                List.of(new Cell("cell1", "10.0.16.11", "eth0", 1500, "10.255.1.0/24"),
                        new Cell("cell2", "10.0.16.12", "eth0", 1500, "10.255.2.0/24")),
                List.of(new App("AppA", "guid-a", 3), new App("AppB", "guid-b", 4), new App("AppC", "guid-c", 5)),
                List.of(new Instance("AppB", 0, "cell1", APP_B_IP, "handle-b"),
                        new Instance("AppA", 0, "cell2", APP_A_IP, "handle-a"),
                        new Instance("AppC", 0, "cell1", APP_C_IP, "handle-c")),
                List.of(new Policy("AppB", "AppA", "tcp", 8080, 8080)), Map.of());
    }

    /** A journey from {@code src} to {@code dst} first seen at {@code t0} ns, one hop per capture point. */
    public static Journey journey(long id, String src, String dst, int dport, String summary, Verdict verdict,
                                  int dropStage, long t0, String srcCell, String dstCell, int tag, String srcApp,
                                  String dstApp) {
        List<Hop> hops = new ArrayList<>();
        int last = verdict == Verdict.DROPPED ? dropStage : 11;
        int[] stages = {2, 4, 6, 8, 9, 11};
        for (int s : stages) {
            if (s > last) {
                break;
            }
            String cell = s <= 6 ? srcCell : dstCell;
            String iface = switch (s) {
                case 2 -> "s-010255001002";
                case 4, 9 -> "silk-vtep";
                case 11 -> "s-010255002002";
                default -> "eth0";
            };
            hops.add(new Hop(s, new CapturePoint(cell, iface), t0 + s * 10_000L, null));
        }
        return new Journey(id, new Flow(src, 40000 + (int) id, dst, dport, "tcp"), summary, tag, srcApp, dstApp, verdict,
                last, verdict == Verdict.DROPPED ? dropStage : 0, verdict == Verdict.DROPPED ? dstCell : null,
                verdict == Verdict.DROPPED ? "rejected by policy" : null, hops);
    }

    /** AppB → AppA, delivered, first seen at {@code t0}. */
    public static Journey delivered(long id, long t0) {
        return journey(id, APP_B_IP, APP_A_IP, 8080, "TCP SYN", Verdict.DELIVERED, 0, t0, "cell1", "cell2", 4, "AppB", "AppA");
    }

    /** AppB → AppA, rejected at step 10 on cell2. */
    public static Journey rejected(long id, long t0) {
        return journey(id, APP_B_IP, APP_A_IP, 8080, "TCP SYN", Verdict.DROPPED, 10, t0, "cell1", "cell2", 4, "AppB", "AppA");
    }

    /** The reply AppA → AppB. */
    public static Journey reply(long id, long t0) {
        Journey j = journey(id, APP_A_IP, APP_B_IP, 40000 + (int) id, "TCP SYN-ACK", Verdict.DELIVERED, 0, t0, "cell2", "cell1",
                3, "AppA", "AppB");
        return new Journey(j.id(), new dev.silkscreen.model.Flow(APP_A_IP, 8080, APP_B_IP, 40001, "tcp"), j.summary(), j.tag(),
                j.srcApp(), j.dstApp(), j.verdict(), j.stage(), j.dropStage(), j.dropCell(), j.reason(), j.hops());
    }
}
