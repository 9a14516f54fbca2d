package dev.silkscreen.ui.steps;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The story of one fault operators hit, told at the step where its packets die: what goes wrong,
 * what {@code trace} says about it, the commands that show it on a cell and questions for the
 * class. Read from {@code lessons/faults.yaml}.
 */
public record FaultLesson(String kind, int step, String title, String story, String trace, List<String> commands,
                          List<Question> questions) {

    public FaultLesson {
        if (step < 1 || step > 11) {
            throw new IllegalArgumentException("fault lesson " + kind + ": step must be 1-11, not " + step);
        }
        commands = commands == null ? List.of() : List.copyOf(commands);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /** The commands with {@code {name}} filled from {@code values}. */
    public List<String> commands(Map<String, String> values) {
        return commands.stream().map(c -> LessonStep.fill(c, values)).toList();
    }

    /** The file's shape. */
    record Book(List<FaultLesson> faults) {
    }

    private static final List<FaultLesson> BUILT_IN = load();

    /** Every built-in fault lesson. */
    public static List<FaultLesson> builtIn() {
        return BUILT_IN;
    }

    /** The lesson of a fault kind, if there is one. */
    public static Optional<FaultLesson> of(String kind) {
        return BUILT_IN.stream().filter(l -> l.kind().equals(kind)).findFirst();
    }

    private static List<FaultLesson> load() {
        try (InputStream in = FaultLesson.class.getResourceAsStream("/dev/silkscreen/ui/lessons/faults.yaml")) {
            if (in == null) {
                throw new IllegalStateException("fault lessons missing from the jar");
            }
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            return List.copyOf(yaml.readValue(in, Book.class).faults());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fault lessons: " + e.getMessage(), e);
        }
    }
}
