package dev.silkscreen.trace;

import dev.silkscreen.pipeline.ScenarioSource;
import static dev.silkscreen.trace.TraceFrames.NIC1;
import static dev.silkscreen.trace.TraceFrames.SRC_VETH;
import static dev.silkscreen.trace.TraceFrames.T0;
import static dev.silkscreen.trace.TraceFrames.VTEP1;
import static dev.silkscreen.trace.TraceFrames.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.capture.PcapngWriter;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.FrameSource;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.LinkType;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A point the capture names is captured even when it saw nothing (cell2's NIC while cell2 is
 * down): silence there is evidence, so a packet that never arrived is dropped, not "not captured".
 */
class CaptureCoverageTest {
    private static final int SYN = 0x02;
    private static final long US = 1_000;

    @TempDir
    Path dir;

    /** The simulator's cell-down (cell2 is off the underlay) as tcpdump leaves it: a file per point, cell2's empty. */
    @Test
    void emptyCaptureFilesNamedForPointsMakeSilenceThereADrop() throws Exception {
        SimResult r = Simulator.run(Scenarios.resolve("cell-down"), 3, 0, null);

        List<Journey> journeys = trace(filePerPoint(r, p -> false), r.foundation());

        assertThat(journeys).isNotEmpty().allSatisfy(j -> {
            assertThat(j.verdict()).isEqualTo(Verdict.DROPPED);
            assertThat(j.dropStage()).isEqualTo(7);
            assertThat(j.dropCell()).isEqualTo("cell1");
            assertThat(j.reason()).contains("never arrived at cell2:eth0 (step 8), which was captured and saw no frame at all");
        });
    }

    /** stale-fdb with cell3's silk-vtep captured but showing nothing: the reason still blames the FDB, not VXLAN settings. */
    @Test
    void aMisdirectedPacketNotSeenDecapsulatedOnTheWrongCellIsStillBlamedOnTheStaleFdb() throws Exception {
        SimResult r = Simulator.run(Scenarios.resolve("stale-fdb"), 3, 0, null);

        List<Journey> journeys = trace(filePerPoint(r, p -> p.name().equals("cell3:silk-vtep")), r.foundation());

        assertThat(journeys).filteredOn(j -> j.verdict() == Verdict.DROPPED).isNotEmpty().allSatisfy(j -> {
            assertThat(j.dropStage()).isEqualTo(9);
            assertThat(j.dropCell()).isEqualTo("cell3");
            assertThat(j.reason()).startsWith("sent to the wrong cell: cell1 encapsulated it to")
                    .contains("never seen at cell3:silk-vtep (step 9): stale FDB entry on cell1").doesNotContain("VXLAN port");
        });
    }

    @Test
    void anInterfaceAPcapngDeclaresWithoutFramesCountsAsCaptured() throws Exception {
        SimResult r = Simulator.run(Scenarios.resolve("cell-down"), 3, 0, null);
        Path file = dir.resolve("cell-down.pcapng");
        try (OutputStream out = Files.newOutputStream(file); PcapngWriter w = new PcapngWriter(out, "test")) {
            for (CapturePoint p : ScenarioSource.points(r.foundation())) {
                w.interfaceFor(p, LinkType.ETHERNET, null);
            }
            r.frames().forEach(w::accept);
        }

        List<Journey> journeys = trace(List.of(new CaptureFileSource(file, null)), r.foundation());

        assertThat(journeys).isNotEmpty().allSatisfy(j -> {
            assertThat(j.verdict()).isEqualTo(Verdict.DROPPED);
            assertThat(j.dropStage()).isEqualTo(7);
        });
    }

    @Test
    void aPointNoCaptureNamesStaysNotCaptured() throws Exception {
        List<Journey> journeys = trace(sendingCellFiles(), null);

        assertThat(journeys).singleElement().satisfies(j -> {
            assertThat(j.verdict()).isEqualTo(Verdict.UNKNOWN);
            assertThat(j.reason()).contains("(step 8) was not captured");
        });
    }

    /** Each point of the run in a file of its own, named by --capture; points without frames (or {@code emptied}) get an empty pcap. */
    private List<FrameSource> filePerPoint(SimResult r, Predicate<CapturePoint> emptied) throws IOException {
        List<FrameSource> sources = new ArrayList<>();
        for (CapturePoint p : ScenarioSource.points(r.foundation())) {
            Path f = dir.resolve(p.name().replace(':', '_') + ".pcap");
            List<Frame> frames = emptied.test(p) ? List.of() : r.frames().stream().filter(x -> x.point().equals(p)).toList();
            if (frames.isEmpty()) {
                Files.write(f, emptyPcap());
            } else {
                try (OutputStream os = Files.newOutputStream(f); PcapngWriter w = new PcapngWriter(os, null)) {
                    frames.forEach(w::accept);
                }
            }
            sources.add(new CaptureFileSource(f, p));
        }
        assertThat(sources).hasSizeGreaterThan(3);
        return sources;
    }

    /** A SYN seen on cell1's veth, silk-vtep and NIC: one file per point, named by --capture. */
    private List<FrameSource> sendingCellFiles() throws IOException {
        List<FrameSource> out = new ArrayList<>();
        CapturePoint[] points = {SRC_VETH, VTEP1, NIC1};
        for (int i = 0; i < points.length; i++) {
            Path f = dir.resolve(points[i].name().replace(':', '-') + ".pcapng");
            try (OutputStream os = Files.newOutputStream(f); PcapngWriter w = new PcapngWriter(os, null)) {
                w.accept(at(points[i], T0 + i * 10 * US, 1, 1000, SYN, 0));
            }
            out.add(new CaptureFileSource(f, points[i]));
        }
        return out;
    }

    private static List<Journey> trace(List<FrameSource> sources, Foundation topology) throws Exception {
        List<Journey> journeys = new ArrayList<>();
        Tracer.run(new TimeMergedSource(sources), topology, TraceSettings.defaults(), journeys::add);
        return journeys;
    }

    /** What tcpdump writes when it captured nothing: a pcap file header alone. */
    private static byte[] emptyPcap() {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(LinkType.ETHERNET);
        return b.array();
    }
}
