package dev.silkscreen.live.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A profile's {@code cf} key: where Cloud Foundry's names come from for a live trace. */
class CfProfileKeysTest {
    private static final String CELLS = "cells:\n  - {name: c1, host: 10.0.16.11}\n";

    @Test
    void answerFilesAndCurlAreReadAndWrittenBack() {
        FoundationProfile p = ProfileReader.parse("cf: {tags: cf/tags.json, apps: /srv/cf/apps.json, spaces: cf/spaces.json, curl: true}\n" + CELLS);
        assertThat(p.cf()).isEqualTo(new CfSources("cf/tags.json", "/srv/cf/apps.json", "cf/spaces.json", null, true));
        assertThat(ProfileReader.parse(ProfileWriter.toYaml(p))).isEqualTo(p);
    }

    @Test
    void noCfKeyIsNoNames() {
        FoundationProfile p = ProfileReader.parse(CELLS);
        assertThat(p.cf().isNone()).isTrue();
        assertThat(ProfileWriter.toYaml(p)).doesNotContain("cf:");
    }

    @Test
    void anUnknownKeyOrAWrongTypeIsRefused() {
        assertThatThrownBy(() -> ProfileReader.parse("cf: {tag: t.json}\n" + CELLS)).isInstanceOf(ProfileException.class)
                .hasMessageContaining("cf: unknown key 'tag'");
        assertThatThrownBy(() -> ProfileReader.parse("cf: {curl: yes please}\n" + CELLS)).hasMessageContaining("cf.curl: expected true or false");
        assertThatThrownBy(() -> ProfileReader.parse("cf: {apps: \"a\\u001bb\"}\n" + CELLS)).isInstanceOf(ProfileException.class);
    }
}
