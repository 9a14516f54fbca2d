package dev.silkscreen.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Captures made by tcpdump on a real kernel ({@code src/test/resources/trace/make-journeys.sh}):
 * a 300 kB TCP upload AppB → AppA:8080 (allowed; GSO frames of up to 13980 bytes), a connection
 * to AppA:9999 and a ping (both rejected by cell2 with ICMP port unreachable).
 */
class TraceRealCapturesTest {
    private static final Path DIR = Path.of("src/test/resources/trace");
    private static final long MS = 1_000_000;

    private static boolean upload(Journey j) {
        return j.flow().proto().equals("tcp") && (j.flow().dport() == 8080 || j.flow().sport() == 8080);
    }

    @Test
    void everyPacketOfTheAllowedUploadIsDeliveredAndTheDeniedOnesDropAtStepTenOnCell2() throws Exception {
        List<Journey> journeys = RealCaptures.trace(DIR, Set.of(), 0);

        assertThat(journeys).filteredOn(TraceRealCapturesTest::upload).hasSizeGreaterThan(50)
                .allSatisfy(j -> assertThat(j.verdict()).isEqualTo(Verdict.DELIVERED));
        assertThat(journeys).filteredOn(j -> j.verdict() == Verdict.DROPPED).hasSize(2).allSatisfy(j -> {
            assertThat(j.dropStage()).isEqualTo(10);
            assertThat(j.dropCell()).isEqualTo("cell2");
            assertThat(j.reason()).startsWith("rejected by policy on cell2: ICMP port unreachable from 10.255.2.0 quoting it");
        });
        assertThat(journeys).filteredOn(j -> j.flow().dport() == 9999).singleElement()
                .satisfies(j -> assertThat(j.summary()).isEqualTo("TCP SYN"));
        assertThat(journeys).filteredOn(j -> j.summary().equals("ICMP echo request")).singleElement()
                .satisfies(j -> assertThat(j.verdict()).isEqualTo(Verdict.DROPPED));
        assertThat(journeys).noneMatch(j -> j.verdict() == Verdict.UNKNOWN || j.verdict() == Verdict.IN_FLIGHT);
    }

    @Test
    void theTagOfEachAppIsReadFromTheGbpHeader() throws Exception {
        List<Journey> journeys = RealCaptures.trace(DIR, Set.of(), 0);

        assertThat(journeys).filteredOn(j -> j.flow().src().equals("10.255.1.2")).allSatisfy(j -> assertThat(j.tag()).isEqualTo(4));
        assertThat(journeys).filteredOn(j -> j.flow().src().equals("10.255.2.2")).allSatisfy(j -> assertThat(j.tag()).isEqualTo(3));
    }

    @Test
    void offloadedFramesOfManyKilobytesAreOnePacketEach() throws Exception {
        List<Journey> journeys = RealCaptures.trace(DIR, Set.of(), 0);

        assertThat(journeys).filteredOn(j -> j.summary().matches("TCP PSH-ACK \\d+ bytes"))
                .anySatisfy(j -> assertThat(Integer.parseInt(j.summary().replaceAll("\\D", ""))).isGreaterThan(1410))
                .allSatisfy(j -> assertThat(j.hops()).hasSizeGreaterThanOrEqualTo(6));
    }

    @Test
    void aSkewedCell2ClockChangesNoVerdictAndIsEstimatedAway() throws Exception {
        List<Journey> plain = RealCaptures.trace(DIR, Set.of(), 0);
        List<Journey> skewed = RealCaptures.trace(DIR, Set.of(), -40 * MS);

        assertThat(skewed).extracting(Journey::verdict).isEqualTo(plain.stream().map(Journey::verdict).toList());
        Journey last = skewed.get(skewed.size() - 1);
        long crossing = last.hops().get(2).timeNanos() - last.hops().get(1).timeNanos();
        assertThat(crossing).as("corrected underlay crossing of the last journey").isBetween(-MS, MS);
    }

    @Test
    void withoutCell2VethCaptureDeliveriesThereBecomeUnknownNotDropped() throws Exception {
        List<Journey> journeys = RealCaptures.trace(DIR, Set.of("cell2:s-010255002002"), 0);

        assertThat(journeys).filteredOn(j -> upload(j) && j.flow().dport() == 8080).isNotEmpty().allSatisfy(j -> {
            assertThat(j.verdict()).isEqualTo(Verdict.UNKNOWN);
            assertThat(j.reason()).contains("cell2:s-010255002002 (step 11) was not captured");
        });
        assertThat(journeys).filteredOn(j -> j.verdict() == Verdict.DROPPED).hasSize(2);
    }

    /**
     * The decode helper's real captures ({@code src/test/resources/captures}): apps on cell A's
     * silk-vtep itself (no veths), cell B's NIC captured with a 96-byte snap length (TCP flags cut).
     */
    @Test
    void cutFramesAndCellsWithoutVethsStillGiveOneJourneyPerPacketAndNoInventedDrop() throws Exception {
        Path dir = Path.of("src/test/resources/captures");
        List<dev.silkscreen.model.FrameSource> sources = List.of(
                new CaptureFileSource(dir.resolve("vtep-eth-nanos.pcap"), dev.silkscreen.model.CapturePoint.parse("cellA:silk-vtep")),
                new CaptureFileSource(dir.resolve("underlay-eth.pcap"), dev.silkscreen.model.CapturePoint.parse("cellA:sdc-va")),
                new CaptureFileSource(dir.resolve("underlay-snap96.pcap"), dev.silkscreen.model.CapturePoint.parse("cellB:sdc-vb")));
        List<Journey> journeys = new java.util.ArrayList<>();
        Tracer.run(new TimeMergedSource(sources), null, TraceSettings.defaults(), journeys::add);

        assertThat(journeys).noneMatch(j -> j.verdict() == Verdict.DROPPED);
        assertThat(journeys).filteredOn(j -> j.flow().dport() == 8080 && j.summary().equals("TCP SYN")).singleElement()
                .satisfies(j -> assertThat(j.hops()).extracting(dev.silkscreen.model.Hop::stage).containsExactly(4, 6, 8));
        assertThat(journeys).filteredOn(j -> j.flow().sport() == 8080 && j.summary().equals("TCP SYN-ACK")).singleElement()
                .satisfies(j -> {
                    assertThat(j.hops()).extracting(h -> h.stage() + " " + h.point().name())
                            .containsExactly("6 cellB:sdc-vb", "8 cellA:sdc-va", "9 cellA:silk-vtep");
                    assertThat(j.verdict()).isEqualTo(Verdict.UNKNOWN);
                });
        // A closed port answered by the destination itself: it arrived, nothing listens there.
        assertThat(journeys).filteredOn(j -> j.flow().dport() == 7001).singleElement()
                .satisfies(j -> assertThat(j.verdict()).isEqualTo(Verdict.DELIVERED));
    }
}
