package dev.silkscreen.live.profile;

/**
 * Where a profile finds Cloud Foundry's names (its {@code cf} key): files holding what
 * {@code cf curl} printed for the tags, apps, spaces and orgs (paths as written, relative ones to
 * the profile's directory), and whether to ask the logged-in {@code cf} CLI itself.
 */
public record CfSources(String tags, String apps, String spaces, String orgs, boolean curl) {
    public static final CfSources NONE = new CfSources(null, null, null, null, false);

    public boolean isNone() {
        return equals(NONE);
    }
}
