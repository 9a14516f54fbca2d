package dev.silkscreen.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.profile.ProfileException;
import dev.silkscreen.live.profile.ProfileReader;
import dev.silkscreen.live.profile.ProfileValues;
import dev.silkscreen.live.profile.ProfileWriter;
import dev.silkscreen.model.SafeText;
import java.nio.charset.StandardCharsets;

/**
 * Profile YAML, any bytes (read as UTF-8): a profile or a {@link ProfileException} with a one-line message, never
 * another exception; a profile that reads holds no control character in any value that reaches
 * a cell's command line, and writes back to YAML that reads as the same profile. Regression
 * inputs: {@code ProfileYamlFuzzTestInputs/profileYaml/}.
 */
class ProfileYamlFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void profileYaml(byte[] bytes) {
        String yaml = new String(bytes, StandardCharsets.UTF_8);
        FoundationProfile p;
        try {
            p = ProfileReader.parse(yaml);
        } catch (ProfileException e) {
            Human.assertOneSafeLine(SafeText.line(e.getMessage()));
            return;
        }
        p.cells().forEach(c -> {
            ProfileValues.printable("host", c.ssh().host());
            ProfileValues.printable("name", c.name());
            c.interfaces().forEach(i -> ProfileValues.printable("iface", i));
        });
        ProfileValues.printable("filter", p.capture().filter());
        FoundationProfile again = ProfileReader.parse(ProfileWriter.toYaml(p));
        if (!again.equals(p)) {
            throw new AssertionError("profile changed on write and read: " + p + " -> " + again);
        }
    }
}
