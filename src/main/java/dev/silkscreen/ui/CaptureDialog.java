package dev.silkscreen.ui;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.SafeText;
import dev.silkscreen.pipeline.CaptureInput;
import dev.silkscreen.pipeline.CaptureNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * Asks, for each chosen capture file, which cell and interface it was taken on. Used only when
 * the file itself does not say (pcapng interfaces named {@code CELL:IFACE} win); pre-filled from
 * the file name.
 */
final class CaptureDialog extends Dialog<List<CaptureInput>> {

    CaptureDialog(List<Path> files) {
        setTitle("Open capture files");
        setHeaderText("Where was each file captured? (Used when the file does not name its interface as CELL:IFACE.)");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label("File"), new Label("Cell"), new Label("Interface"));
        List<TextField[]> fields = new ArrayList<>();
        for (int r = 0; r < files.size(); r++) {
            CapturePoint g = CaptureNames.guess(files.get(r));
            TextField cell = new TextField(g.cell());
            cell.setPromptText("e.g. cell1");
            cell.setAccessibleText("Cell of " + files.get(r).getFileName());
            TextField iface = new TextField(g.iface());
            iface.setPromptText("e.g. eth0, silk-vtep, s-…");
            iface.setAccessibleText("Interface of " + files.get(r).getFileName());
            grid.addRow(r + 1, new Label(SafeText.line(files.get(r).getFileName().toString())), cell, iface);
            fields.add(new TextField[] {cell, iface});
        }
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            List<CaptureInput> out = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                String cell = fields.get(i)[0].getText().trim();
                String iface = fields.get(i)[1].getText().trim();
                out.add(new CaptureInput(files.get(i), iface.isEmpty() && cell.isEmpty() ? null : new CapturePoint(cell, iface.isEmpty() ? "unknown" : iface)));
            }
            return out;
        });
    }
}
