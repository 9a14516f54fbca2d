package dev.silkscreen.ui.events;

import dev.silkscreen.filter.FilterException;
import dev.silkscreen.filter.SilkFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.controlsfx.control.textfield.TextFields;

/**
 * The display-filter field of the event and journey lists: completes field names as they are
 * typed ({@code vxl} → {@code vxlan.gbp}, {@code vxlan.vni} ...) and, when the text does not
 * compile, shows why right under the bad token.
 */
final class FilterBar extends VBox {
    /** Most completions offered at once. */
    static final int MAX_SUGGESTIONS = 15;
    private final TextField field = new TextField();
    private final Label error = new Label();

    FilterBar(EventFilter filter) {
        getStyleClass().add("display-filter");
        field.setPromptText("display filter, e.g. vxlan.gbp == 4 && silk.verdict == dropped");
        field.setAccessibleText("Display filter in Wireshark's language: field names complete as you type");
        field.setPrefColumnCount(36);
        field.textProperty().bindBidirectional(filter.expressionProperty());
        error.getStyleClass().add("filter-error");
        error.setManaged(false);
        error.setVisible(false);
        error.setWrapText(false);
        TextFields.bindAutoCompletion(field, request -> completions(request.getUserText()));
        filter.errorProperty().addListener((o, a, b) -> show(b));
        getChildren().addAll(field, error);
    }

    TextField field() {
        return field;
    }

    Label error() {
        return error;
    }

    /** The text with its last word completed to each field name it begins, when that word is a field's start. */
    static Collection<String> completions(String text) {
        int start = text.length();
        while (start > 0 && isNameChar(text.charAt(start - 1))) {
            start--;
        }
        String word = text.substring(start);
        List<String> out = new ArrayList<>();
        if (word.isEmpty() || !Character.isLetter(word.charAt(0))) {
            return out;
        }
        for (String name : SilkFields.names()) {
            if (name.startsWith(word) && !name.equals(word)) {
                out.add(text.substring(0, start) + name);
                if (out.size() == MAX_SUGGESTIONS) {
                    break;
                }
            }
        }
        return out;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_';
    }

    private void show(FilterException e) {
        boolean bad = e != null;
        error.setVisible(bad);
        error.setManaged(bad);
        if (bad) {
            field.getStyleClass().add("filter-bad");
        } else {
            field.getStyleClass().removeAll("filter-bad");
            return;
        }
        error.setText("▲ " + e.problem());
        error.setAccessibleText("Display filter error at column " + (e.position() + 1) + ": " + e.problem());
        error.setTranslateX(tokenX(e.position()));
    }

    /** Where, in this bar, the character at {@code position} of the field's text is drawn. */
    double tokenX(int position) {
        String text = field.getText() == null ? "" : field.getText();
        Text before = new Text(text.substring(0, Math.min(position, text.length())));
        before.setFont(field.getFont());
        double x = field.getPadding().getLeft() + before.getLayoutBounds().getWidth();
        return Math.max(0, Math.min(x, Math.max(0, field.getWidth() - 20)));
    }
}
