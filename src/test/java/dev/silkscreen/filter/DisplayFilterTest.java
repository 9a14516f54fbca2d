package dev.silkscreen.filter;

import static dev.silkscreen.decode.TestPackets.ethernet;
import static dev.silkscreen.decode.TestPackets.hex;
import static dev.silkscreen.decode.TestPackets.icmp;
import static dev.silkscreen.decode.TestPackets.ip;
import static dev.silkscreen.decode.TestPackets.ipv4;
import static dev.silkscreen.decode.TestPackets.silkVxlanSyn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Flow;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Hop;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.LinkType;
import dev.silkscreen.model.Verdict;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The display-filter language over decoded frames and journeys. */
class DisplayFilterTest {
    private static final CapturePoint UNDERLAY = new CapturePoint("cell1", "eth0");
    /** AppB 10.255.1.2:40000 → AppA 10.255.2.3:8080 SYN, tag 3, in VXLAN from 10.0.16.11 to 10.0.16.12. */
    private static final Frame SYN = new Frame(UNDERLAY, 0, LinkType.ETHERNET, silkVxlanSyn().length, silkVxlanSyn());
    /** Port unreachable from 10.255.2.0 quoting the SYN's IP header and first 8 bytes. */
    private static final Frame REJECT = rejectOfSyn();

    private static Frame rejectOfSyn() {
        byte[] syn = silkVxlanSyn();
        byte[] quoted = Arrays.copyOfRange(syn, 14 + 20 + 8 + 8 + 14, 14 + 20 + 8 + 8 + 14 + 28);
        byte[] b = ethernet(0x020000000001L, 0x020000000002L, 0x0800, ipv4(ip("10.255.2.0"), ip("10.255.1.2"), 1, 0x4242, icmp(3, 3, 0, quoted)));
        return new Frame(new CapturePoint("cell2", "silk-vtep"), 0, LinkType.ETHERNET, b.length, b);
    }

    private static boolean matches(String expression, Frame f) throws FilterException {
        Subject s = new Subject();
        new FrameDecoder().decode(f, s.decoded);
        return DisplayFilter.compile(expression).test(s.frame(f, 7));
    }

    private static FilterException error(String expression) {
        try {
            DisplayFilter.compile(expression);
        } catch (FilterException e) {
            return e;
        }
        throw new AssertionError("compiled: " + expression);
    }

    @Test
    void fieldsOfTheUnderlayTheVxlanHeaderAndTheInnerPacketAreNamedAsInWireshark() throws Exception {
        assertThat(matches("vxlan.gbp == 3", SYN)).isTrue();
        assertThat(matches("vxlan.gbp == 4", SYN)).isFalse();
        assertThat(matches("vxlan.vni == 1 && vxlan.flag_g == 1", SYN)).isTrue();
        assertThat(matches("udp.dstport == 4789", SYN)).isTrue();
        assertThat(matches("ip.dst == 10.255.2.3 && tcp.flags.syn == 1", SYN)).isTrue();
        assertThat(matches("tcp.dstport == 8080 and tcp.seq_raw == 1000000", SYN)).isTrue();
        assertThat(matches("ip.id == 0x1234", SYN)).isTrue();
    }

    @Test
    void aFieldThatOccursMoreThanOnceMatchesEqualsOnAnyOccurrenceAndNotEqualsOnlyWhenNoneIsEqual() throws Exception {
        assertThat(matches("ip.src == 10.0.16.11", SYN)).isTrue();
        assertThat(matches("ip.src == 10.255.1.2", SYN)).isTrue();
        assertThat(matches("ip.src != 10.0.16.11", SYN)).isFalse();
        assertThat(matches("ip.src ~= 10.0.16.11", SYN)).isTrue();
        assertThat(matches("ip.src != 192.0.2.1", SYN)).isTrue();
        assertThat(matches("ip.src == 10.255.1.2", REJECT)).as("the quoted packet's source").isTrue();
        assertThat(matches("tcp.dstport == 8080", REJECT)).as("the quoted TCP header").isTrue();
    }

    @Test
    void aComparisonWithAnAbsentFieldIsFalseEitherWay() throws Exception {
        assertThat(matches("icmp.type == 3", SYN)).isFalse();
        assertThat(matches("icmp.type != 3", SYN)).isFalse();
        assertThat(matches("!icmp", SYN)).isTrue();
    }

    @Test
    void aFieldAloneTestsPresenceAsWiresharkDoes() throws Exception {
        assertThat(matches("tcp.flags.ack", SYN)).as("present, though clear").isTrue();
        assertThat(matches("tcp.flags.ack == 1", SYN)).isFalse();
        assertThat(matches("tcp.flags.syn == True", SYN)).isTrue();
        assertThat(matches("vxlan", SYN)).isTrue();
        assertThat(matches("vxlan", REJECT)).isFalse();
    }

    @Test
    void setsRangesPrefixesMasksAndEveryRelation() throws Exception {
        assertThat(matches("ip.ttl in {1, 64}", SYN)).isTrue();
        assertThat(matches("ip.ttl in {60..63}", SYN)).isFalse();
        assertThat(matches("tcp.dstport in {80 443 8000..8080}", SYN)).isTrue();
        assertThat(matches("ip.dst == 10.255.0.0/16", SYN)).isTrue();
        assertThat(matches("ip.addr in {192.168.0.0/16}", SYN)).isFalse();
        assertThat(matches("tcp.flags & 0x12", SYN)).isTrue();
        assertThat(matches("tcp.flags & 0x12 == 0x12", SYN)).isFalse();
        assertThat(matches("ip.ttl < 65 && ip.ttl <= 64 && ip.ttl > 63 && ip.ttl >= 64", SYN)).isTrue();
        assertThat(matches("ip.ttl == 0100", SYN)).as("octal, as in Wireshark").isTrue();
        assertThat(matches("eth.src == ee:ee:0a:ff:01:00 || eth.addr == ee-ee-0a-ff-02-00", SYN)).isTrue();
    }

    @Test
    void notAndOrAndParenthesesBindAsUsual() throws Exception {
        assertThat(matches("!tcp || udp && icmp", SYN)).isFalse();
        assertThat(matches("(!tcp || udp) && vxlan", SYN)).isTrue();
        assertThat(matches("not (icmp or arp) and tcp", SYN)).isTrue();
    }

    @Test
    void theFramesPointNumberAndCellAreFields() throws Exception {
        assertThat(matches("frame.interface_name == \"cell1:eth0\"", SYN)).isTrue();
        assertThat(matches("silk.cell == cell1 && silk.iface == \"eth0\"", SYN)).isTrue();
        assertThat(matches("frame.number == 7", SYN)).isTrue();
        assertThat(matches("frame.interface_name contains \"vtep\"", REJECT)).isTrue();
    }

    @Test
    void journeysMatchOnAnySightingOrOnTheirOwnFields() throws Exception {
        Journey j = new Journey(5, new Flow("10.255.1.2", 40000, "10.255.2.3", 8080, "tcp"), "TCP SYN", 3, "AppB", "AppA",
                Verdict.DROPPED, 10, 10, "cell2", "rejected by policy on cell2",
                List.of(new Hop(6, UNDERLAY, 0, SYN), new Hop(9, new CapturePoint("cell2", "silk-vtep"), 10, null)));

        assertThat(journeyMatches("silk.verdict == dropped", j)).isTrue();
        assertThat(journeyMatches("silk.verdict in {delivered, in-flight}", j)).isFalse();
        assertThat(journeyMatches("silk.app == \"AppA\"", j)).isTrue();
        assertThat(journeyMatches("silk.step == 6 && silk.cell == cell1", j)).isTrue();
        assertThat(journeyMatches("silk.step == 6 && silk.cell == cell2", j)).as("one sighting must match all of it").isFalse();
        assertThat(journeyMatches("silk.step == 9 && silk.cell == cell2", j)).as("a sighting without its frame").isTrue();
        assertThat(journeyMatches("vxlan.gbp == 3 && silk.tag == 3", j)).isTrue();
        assertThat(journeyMatches("silk.drop_step == 10 && silk.reason contains \"policy\"", j)).isTrue();
        assertThat(DisplayFilter.compile("silk.verdict == dropped").needsJourney()).isTrue();
        assertThat(DisplayFilter.compile("silk.cell == cell2 && vxlan").needsJourney()).isFalse();
    }

    private static boolean journeyMatches(String expression, Journey j) throws FilterException {
        return new JourneyFilter(DisplayFilter.compile(expression)).test(j);
    }

    @Test
    void aBadExpressionSaysWhatIsWrongAndWhere() {
        FilterException unknown = error("ip.src == 10.0.16.11 && ip.sorc == 1.2.3.4");
        assertThat(unknown.position()).isEqualTo(24);
        assertThat(unknown.length()).isEqualTo(7);
        assertThat(unknown.getMessage()).isEqualTo("column 25: 'ip.sorc' is not a field (did you mean ip.src?)");

        assertThat(error("ip.src == 10.0.16").getMessage()).startsWith("column 11: '10.0.16' is not an IPv4 address");
        assertThat(error("tcp.port == http").problem()).startsWith("'http' is not a number");
        assertThat(error("silk.verdict == gone").problem()).contains("delivered, dropped, in-flight, unknown");
        assertThat(error("(tcp").problem()).isEqualTo("a ')' is missing");
        assertThat(error("tcp udp").position()).isEqualTo(4);
        assertThat(error("ip.dst ==").problem()).contains("a value is missing");
        assertThat(error("tcp == 1").problem()).contains("is a protocol");
        assertThat(error("silk.verdict > dropped").problem()).contains("only be compared with ==");
        assertThat(error("silk.app == \"AppB").problem()).contains("not closed");
        assertThat(error("ip.ttl in {}").problem()).isEqualTo("the set is empty");
        assertThat(error("ip.dst == 10.0.0.0/33").problem()).contains("prefix length");
        assertThat(error("ip.src # 3").problem()).isEqualTo("unexpected character '#'");
        assertThatThrownBy(() -> DisplayFilter.compile("  ")).hasMessageContaining("empty");
    }

    @Test
    void everyFieldNameIsUniqueAndCompletionListsThemSorted() {
        List<String> names = SilkFields.names();

        assertThat(names).doesNotHaveDuplicates().isSorted()
                .contains("ip.src", "tcp.seq_raw", "tcp.flags.syn", "vxlan.vni", "vxlan.flag_g", "vxlan.gbp", "icmp.type",
                        "arp.opcode", "eth.src", "silk.app", "silk.verdict", "silk.step", "silk.cell");
    }

    @Test
    void hexLiteralsAndDecimalOnesAreTheSameValue() throws Exception {
        assertThat(matches("udp.dstport == 0x12b5", SYN)).isTrue();
        assertThat(hex("12b5")).containsExactly(0x12, 0xb5 - 256);
    }
}
