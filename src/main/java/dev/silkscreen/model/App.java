package dev.silkscreen.model;

/** A CF app: name, GUID and its 16-bit policy tag (allocated by policy-server). */
public record App(String name, String guid, int tag) {
    public String tagHex() {
        return SilkNames.tagHex(tag);
    }
}
