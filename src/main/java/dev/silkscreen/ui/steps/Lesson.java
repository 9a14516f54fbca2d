package dev.silkscreen.ui.steps;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The eleven steps' narration, read from {@code lessons/eleven-steps.yaml} on the classpath. */
public record Lesson(List<LessonStep> steps) {

    public Lesson {
        steps = List.copyOf(steps);
        if (steps.size() != 11) {
            throw new IllegalArgumentException("a lesson has eleven steps, this one has " + steps.size());
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).step() != i + 1) {
                throw new IllegalArgumentException("lesson step " + (i + 1) + " is numbered " + steps.get(i).step());
            }
        }
    }

    /** Step {@code n}, 1-11. */
    public LessonStep step(int n) {
        return steps.get(Math.max(1, Math.min(11, n)) - 1);
    }

    /** The built-in lesson. */
    public static Lesson builtIn() {
        try (InputStream in = Lesson.class.getResourceAsStream("/dev/silkscreen/ui/lessons/eleven-steps.yaml")) {
            if (in == null) {
                throw new IllegalStateException("lesson texts missing from the jar");
            }
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            return yaml.readValue(in, Lesson.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lesson texts: " + e.getMessage(), e);
        }
    }
}
