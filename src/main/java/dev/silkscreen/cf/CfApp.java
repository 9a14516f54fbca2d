package dev.silkscreen.cf;

/**
 * An app as Cloud Foundry names it: its GUID and name, its space and that space's org (names null
 * where the answers given did not include them).
 */
public record CfApp(String guid, String name, String spaceGuid, String spaceName, String orgGuid, String orgName) {

    /** "space dev, org acme", as far as known; empty when neither is. */
    public String where() {
        StringBuilder sb = new StringBuilder();
        if (spaceName != null) {
            sb.append("space ").append(spaceName);
        }
        if (orgName != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("org ").append(orgName);
        }
        return sb.toString();
    }
}
