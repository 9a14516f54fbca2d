package dev.silkscreen.ui.live;

import dev.silkscreen.live.profile.FoundationProfile;
import java.nio.file.Path;

/** What the connect dialog hands back: the profile to watch and the recording file (or null). */
public record LiveRequest(FoundationProfile profile, Path record) {
}
