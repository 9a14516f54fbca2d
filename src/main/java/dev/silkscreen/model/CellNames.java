package dev.silkscreen.model;

/**
 * The one rule for a cell's name, wherever it comes from (scenario, profile, topology file):
 * 1 to {@link #MAX} characters, no ':' (it separates {@code CELL:IFACE} in capture point
 * names, so a cell {@code a:b} could not be told from cell {@code a}'s interface {@code b}), no
 * control or bidi characters, no spaces at either end.
 */
public final class CellNames {
    public static final int MAX = 64;

    private CellNames() {
    }

    /** Null when {@code name} is a good cell name, else why not (one line, name escaped). */
    public static String problem(String name) {
        if (name == null || name.isBlank()) {
            return "a cell needs a name";
        }
        if (name.length() > MAX) {
            return "cell name " + SafeText.line(name.substring(0, MAX)) + "… is longer than " + MAX + " characters";
        }
        if (name.indexOf(':') >= 0) {
            return "cell name '" + SafeText.line(name) + "' has a ':' (it separates CELL:IFACE in capture point names)";
        }
        for (int i = 0; i < name.length(); i++) {
            if (SafeText.needsEscape(name.charAt(i))) {
                return "cell name '" + SafeText.line(name) + "' has a control or bidi character at position " + i;
            }
        }
        if (!name.strip().equals(name)) {
            return "cell name '" + name + "' starts or ends with a space";
        }
        return null;
    }
}
