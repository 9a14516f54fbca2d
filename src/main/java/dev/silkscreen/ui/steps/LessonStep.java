package dev.silkscreen.ui.steps;

import java.util.List;
import java.util.Map;

/**
 * The narration of one of the eleven steps: a caption for the classroom, what happens, why, the
 * commands that show it on a real cell (with {@code {placeholders}} filled per scenario), and
 * questions for the class.
 */
public record LessonStep(int step, String caption, String what, String why, List<String> commands,
                         List<Question> questions) {

    public LessonStep {
        commands = commands == null ? List.of() : List.copyOf(commands);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /** The commands with {@code {name}} replaced from {@code values}; unknown names stay as they are. */
    public List<String> commands(Map<String, String> values) {
        return commands.stream().map(c -> fill(c, values)).toList();
    }

    static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }
}
