package dev.silkscreen.ui.playback;

import java.util.Locale;

/**
 * Playback speed on a log scale: slider value 0 is real time (one step lasts as long as a step
 * really takes), 1 is {@link #SLOWEST} seconds per step. Pure maths, shared by the slider and the
 * +/− keys.
 */
public final class Speed {
    /** Slowest speed: seconds of screen time per step. */
    public static final double SLOWEST = 8.0;
    /**
     * Fastest speed: seconds of screen time per step, or real time when a step really lasts longer.
     * Faster than this a journey is over before the eye can follow it.
     */
    public static final double FASTEST = 0.05;
    /** One press of + or − moves the slider by this much. */
    public static final double NOTCH = 0.08;

    private Speed() {
    }

    /** Seconds per step for slider value {@code x} in [0, 1], given a step's real duration. */
    public static double secondsPerStep(double x, double realStepSeconds) {
        double lo = Math.log(fastest(realStepSeconds));
        double hi = Math.log(SLOWEST);
        double c = Math.max(0, Math.min(1, x));
        return Math.exp(lo + (hi - lo) * c);
    }

    /** Inverse of {@link #secondsPerStep}: the slider value showing {@code seconds} per step. */
    public static double sliderFor(double seconds, double realStepSeconds) {
        double lo = Math.log(fastest(realStepSeconds));
        double hi = Math.log(SLOWEST);
        if (hi == lo) {
            return 1;
        }
        return Math.max(0, Math.min(1, (Math.log(seconds) - lo) / (hi - lo)));
    }

    /** The fast end: real time, but never faster than {@link #FASTEST} per step. */
    static double fastest(double realStepSeconds) {
        return Math.min(SLOWEST, Math.max(FASTEST, realStepSeconds));
    }

    /** Text for people: "1.2 s / step", "45 ms / step", "real time". */
    public static String describe(double secondsPerStep, double realStepSeconds) {
        if (secondsPerStep <= realStepSeconds * 1.01) {
            return "real time";
        }
        if (secondsPerStep >= 1) {
            return String.format(Locale.ROOT, "%.1f s / step", secondsPerStep);
        }
        if (secondsPerStep >= 0.001) {
            return String.format(Locale.ROOT, "%.0f ms / step", secondsPerStep * 1000);
        }
        return String.format(Locale.ROOT, "%.0f µs / step", secondsPerStep * 1e6);
    }
}
