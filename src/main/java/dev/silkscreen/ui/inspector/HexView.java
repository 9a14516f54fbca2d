package dev.silkscreen.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The frame's bytes, sixteen to a row with their offset. Bytes of the selected field are
 * highlighted; clicking a byte reports its index (the inspector then selects that byte's field).
 * One packet at a time, at most {@link #MAX_BYTES} bytes shown.
 */
public final class HexView extends TextFlow {
    public static final int MAX_BYTES = 2048;
    private final List<Text> cells = new ArrayList<>();
    private IntConsumer onByte = i -> { };

    public HexView() {
        getStyleClass().add("hex-view");
        setAccessibleText("Frame bytes in hexadecimal");
    }

    public void setOnByte(IntConsumer handler) {
        onByte = handler;
    }

    public void show(byte[] data) {
        getChildren().clear();
        cells.clear();
        int n = Math.min(data.length, MAX_BYTES);
        for (int row = 0; row < n; row += 16) {
            Text off = new Text(String.format(Locale.ROOT, "%04x  ", row));
            off.getStyleClass().add("hex-offset");
            getChildren().add(off);
            for (int i = row; i < Math.min(n, row + 16); i++) {
                Text t = new Text(String.format(Locale.ROOT, "%02x", data[i] & 0xff));
                t.getStyleClass().add("hex-byte");
                int index = i;
                t.setOnMouseClicked(e -> onByte.accept(index));
                cells.add(t);
                getChildren().add(t);
                getChildren().add(new Text(i % 8 == 7 ? "  " : " "));
            }
            getChildren().add(new Text("\n"));
        }
        if (data.length > n) {
            getChildren().add(new Text("… " + (data.length - n) + " more bytes not shown\n"));
        }
    }

    /** Highlights bytes [offset, offset + length). */
    public void highlight(int offset, int length) {
        for (int i = 0; i < cells.size(); i++) {
            boolean on = i >= offset && i < offset + length;
            Text t = cells.get(i);
            t.getStyleClass().remove("hex-selected");
            if (on) {
                t.getStyleClass().add("hex-selected");
            }
        }
    }

    /** Indexes of the highlighted bytes (for tests and accessibility). */
    public List<Integer> highlighted() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).getStyleClass().contains("hex-selected")) {
                out.add(i);
            }
        }
        return out;
    }
}
