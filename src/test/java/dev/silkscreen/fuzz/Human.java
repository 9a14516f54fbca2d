package dev.silkscreen.fuzz;

import dev.silkscreen.model.SafeText;

/** The invariant of every human-readable line: no control or bidi character reaches a person. */
final class Human {
    private Human() {
    }

    /** Throws when {@code line} holds a character {@link SafeText} would have escaped. */
    static void assertOneSafeLine(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (SafeText.needsEscape(line.charAt(i))) {
                throw new AssertionError("U+" + Integer.toHexString(line.charAt(i)) + " at " + i + " reaches a person: "
                        + SafeText.line(line));
            }
        }
    }

    /** Every line of {@code text} (split on '\n' only) is safe. */
    static void assertSafeLines(String text) {
        for (String line : text.split("\n", -1)) {
            assertOneSafeLine(line);
        }
    }
}
