package dev.silkscreen.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CfPoliciesTest {
    private static CfPolicies parse(String json) {
        return CfPolicies.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsWhatCfCurlPrints() {
        CfPolicies p = parse("""
                {"total_policies": 2, "policies": [
                  {"source": {"id": "g-b"}, "destination": {"id": "g-a", "protocol": "tcp", "ports": {"start": 8080, "end": 8080}}},
                  {"source": {"id": "g-c"}, "destination": {"id": "g-a", "protocol": "UDP", "ports": {"start": 7000, "end": 8000}}}],
                 "total_egress_policies": 1, "egress_policies": [{"source": {"id": "g-b"}, "destination": {"protocol": "tcp",
                   "ips": [{"start": "1.2.3.4", "end": "1.2.3.5"}]}}]}
                """);
        assertThat(p.policies()).containsExactly(new CfPolicies.Policy("g-b", "g-a", "tcp", 8080, 8080),
                new CfPolicies.Policy("g-c", "g-a", "udp", 7000, 8000));
    }

    @Test
    void noPoliciesIsAnEmptyList() {
        assertThat(parse("{\"total_policies\": 0, \"policies\": []}").policies()).isEmpty();
    }

    @Test
    void badInputSaysWhatAndWhereInOneLine() {
        assertThatThrownBy(() -> parse("{\"tags\": []}")).hasMessageContaining("no \"policies\" list");
        assertThatThrownBy(() -> parse("{\"policies\": [{\"source\": {}, \"destination\": {}}]}"))
                .hasMessage("policies[0].source.id: missing or not a string");
        assertThatThrownBy(() -> parse("{\"policies\": [{\"source\": {\"id\": \"a\"}, \"destination\": {\"id\": \"b\", \"protocol\": \"tcp\","
                + " \"ports\": {\"start\": 0, \"end\": 80}}}]}")).hasMessage("policies[0].destination.ports.start: not a port (1-65535)");
        assertThatThrownBy(() -> parse("{\"policies\": [{\"source\": {\"id\": \"a\"}, \"destination\": {\"id\": \"b\", \"protocol\": \"sctp\","
                + " \"ports\": {\"start\": 1, \"end\": 80}}}]}")).hasMessageContaining("\"sctp\" is not tcp, udp or icmp");
        assertThatThrownBy(() -> parse("{\"policies\": [{\"source\": {\"id\": \"a\"}, \"destination\": {\"id\": \"b\", \"protocol\": \"tcp\","
                + " \"ports\": {\"start\": 90, \"end\": 80}}}]}")).hasMessageContaining("end 80 is before start 90");
        assertThatThrownBy(() -> parse("Error: not logged in")).hasMessageStartingWith("not JSON").hasMessageNotContaining("\n");
    }
}
