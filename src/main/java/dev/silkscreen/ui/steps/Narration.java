package dev.silkscreen.ui.steps;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.ui.playback.StepPlan;

/**
 * The lesson's sentences told about the followed packet: its own apps (or addresses) and cells
 * instead of the lesson's AppA, AppB, cell 1 and cell 2, its verdict at its last step, and what
 * comes next when playback holds.
 */
public final class Narration {
    private Narration() {
    }

    /** The caption of {@code step} for journey {@code j} on {@code f} (either may be null). */
    public static String caption(LessonStep step, Journey j, Foundation f) {
        String text = step.caption();
        if (j == null) {
            return text;
        }
        StepPlan plan = StepPlan.of(j, f);
        String src = who(j.srcApp(), j.flow() == null ? null : j.flow().src());
        String dst = who(j.dstApp(), j.flow() == null ? null : j.flow().dst());
        String srcCell = cellOf(f, j.flow() == null ? null : j.flow().src(), "the source cell");
        String dstCell = cellOf(f, j.flow() == null ? null : j.flow().dst(), "the destination cell");
        if (step.step() == 11 && j.verdict() == Verdict.DELIVERED) {
            return "Delivered to " + dst + "'s container";
        }
        text = text.replace("AppB", "\u0000S").replace("AppA", "\u0000D").replace("cell 1", "\u0000s")
                .replace("cell 2", "\u0000d");
        text = text.replace("\u0000S", src).replace("\u0000D", dst).replace("\u0000s", srcCell).replace("\u0000d", dstCell);
        if (j.verdict() == Verdict.DROPPED && step.step() == plan.last()) {
            text = text.replace(" (or rejected)", "") + ": ✗ dropped here";
        }
        return text;
    }

    /** What a journey is, in a few words: {@code #2 TCP SYN-ACK AppA → AppB}. */
    public static String title(int index, Journey j) {
        String what = j.summary() == null || j.summary().isBlank() ? j.flow().proto().toUpperCase() : j.summary();
        return "#" + (index + 1) + " " + what + " " + who(j.srcApp(), j.flow().src()) + " → "
                + who(j.dstApp(), j.flow().dst());
    }

    private static String who(String app, String ip) {
        return app != null ? app : ip == null ? "?" : ip;
    }

    private static String cellOf(Foundation f, String ip, String otherwise) {
        if (f == null || ip == null) {
            return otherwise;
        }
        return f.instanceByIp(ip).map(Instance::cell).orElse(otherwise);
    }
}
