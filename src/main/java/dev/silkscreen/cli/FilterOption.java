package dev.silkscreen.cli;

import dev.silkscreen.decode.DecodePrinter;
import dev.silkscreen.filter.DisplayFilter;
import dev.silkscreen.filter.FilterException;
import dev.silkscreen.filter.Subject;

/** The {@code -Y EXPR} option of {@code decode} and {@code trace}: compiled once, a bad one is exit 2 with its column. */
final class FilterOption {
    private FilterOption() {
    }

    /**
     * @param journeys true when the filter will see journeys ({@code trace}); false for frames alone,
     *                 where a journey's field ({@code silk.verdict}) can never match
     */
    static DisplayFilter compile(String text, boolean journeys) {
        DisplayFilter f;
        try {
            f = DisplayFilter.compile(text);
        } catch (FilterException e) {
            throw new UserException("-Y " + text + ": " + e.getMessage());
        }
        if (!journeys && f.needsJourney()) {
            throw new UserException("-Y " + text + ": names a journey's field (silk.verdict, silk.app, silk.step ...), "
                    + "which frames alone do not have: use it with trace -Y");
        }
        return f;
    }

    /** The filter as a test of the frames a printer decodes (one subject over the printer's flyweight). */
    static DecodePrinter.FrameTest frames(DisplayFilter filter) {
        return new DecodePrinter.FrameTest() {
            private Subject subject;

            @Override
            public boolean test(long frameNo, dev.silkscreen.model.Frame frame, dev.silkscreen.decode.DecodedFrame decoded) {
                if (subject == null || subject.decoded != decoded) {
                    subject = new Subject(decoded);
                }
                return filter.test(subject.frame(frame, frameNo));
            }
        };
    }
}
