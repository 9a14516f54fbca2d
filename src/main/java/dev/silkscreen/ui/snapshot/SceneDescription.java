package dev.silkscreen.ui.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.silkscreen.model.Journey;
import dev.silkscreen.ui.canvas.SceneRecord;
import dev.silkscreen.ui.playback.StepPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scene as drawn, in window pixels: every item the picture painted (from the painters' own
 * {@link SceneRecord}), the caption's labels, each step's state and the followed journey. Written
 * by {@code snapshot --describe} and asserted by the scene tests.
 *
 * @param items    picture items and caption texts, in window pixels
 * @param caption  the caption's step number and sentence as shown ("" outside classroom)
 * @param note     the caption's note (skipped steps, the next packet), or ""
 * @param step     the step shown, 1-11
 * @param states   each step's state, steps 1-11
 * @param followed index of the followed journey, -1 for none
 * @param followedStep the followed packet's step as drawn (its sprite), 0 when it is not on screen
 */
public record SceneDescription(String scenario, String theme, int width, int height, List<SceneRecord.Item> items,
                               String caption, String note, int step, List<StepPlan.State> states, int followed,
                               Journey journey, int followedStep) {

    public List<SceneRecord.Item> texts() {
        return items.stream().filter(i -> i.kind() == SceneRecord.Kind.TEXT).toList();
    }

    public List<SceneRecord.Item> of(SceneRecord.Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).toList();
    }

    /** Writes the description as JSON. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("scenario", scenario);
        top.put("theme", theme);
        top.put("size", Map.of("width", width, "height", height));
        top.put("caption", caption);
        top.put("note", note);
        top.put("step", step);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            steps.add(Map.of("step", i + 1, "state", states.get(i).word()));
        }
        top.put("steps", steps);
        if (journey != null) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("index", followed);
            j.put("summary", journey.summary());
            j.put("src", journey.flow().src());
            j.put("dst", journey.flow().dst());
            j.put("dport", journey.flow().dport());
            j.put("srcApp", journey.srcApp());
            j.put("dstApp", journey.dstApp());
            j.put("verdict", journey.verdict().word());
            j.put("dropStep", journey.dropStage());
            j.put("dropCell", journey.dropCell());
            j.put("reason", journey.reason());
            j.put("stepDrawn", followedStep);
            top.put("followed", j);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (SceneRecord.Item i : items) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", i.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (i.text() != null) {
                m.put("text", i.text());
                m.put("fontPx", round(i.fontPx()));
            }
            m.put("bounds", List.of(round(i.x()), round(i.y()), round(i.w()), round(i.h())));
            if (i.journey() >= 0) {
                m.put("journey", i.journey());
            }
            if (i.owner() != null) {
                m.put("owner", i.owner());
            }
            out.add(m);
        }
        top.put("items", out);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), top);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
