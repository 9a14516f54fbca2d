package dev.silkscreen.live.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerMetadataParserTest {

    @Test
    void eachContainerHasHandleIpAndPolicyGroup() {
        List<ContainerRecord> cs = ContainerMetadataParser.parse(Samples.read("store.json"));
        assertThat(cs).extracting(ContainerRecord::ip).containsExactly("10.255.77.3", "10.255.77.4");
        assertThat(cs.get(0).handle()).isEqualTo("4b2e7c1a-9d0f-4e55-6a3b-1c2d");
        assertThat(cs.get(0).appGuid()).isEqualTo("0d1e2f30-aaaa-4bbb-8ccc-000000000001");
        assertThat(cs.get(0).appName()).isNull();
        assertThat(cs.get(1).appName()).isEqualTo("backend");
    }

    @Test
    void notJsonIsAParseError() {
        assertThatThrownBy(() -> ContainerMetadataParser.parse("cat: store.json: No such file"))
                .isInstanceOf(DiscoveryParseException.class).hasMessageContaining("store.json");
    }
}
