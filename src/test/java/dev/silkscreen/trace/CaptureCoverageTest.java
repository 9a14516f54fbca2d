package dev.silkscreen.trace;

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
        List<FrameSource> sources = new ArrayList<>();
        for (CapturePoint p : ScenarioSource.points(r.foundation())) {
            Path f = dir.resolve(p.name().replace(':', '_') + ".pcap");
            List<Frame> frames = r.frames().stream().filter(x -> x.point().equals(p)).toList();
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

        List<Journey> journeys = trace(sources, r.foundation());

        assertThat(journeys).isNotEmpty().allSatisfy(j -> {
            assertThat(j.verdict()).isEqualTo(Verdict.DROPPED);
            assertThat(j.dropStage()).isEqualTo(7);
            assertThat(j.dropCell()).isEqualTo("cell1");
            assertThat(j.reason()).contains("never arrived at cell2:eth0 (step 8), which was captured and saw no frame at all");
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
