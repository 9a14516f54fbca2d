package dev.silkscreen.ui.live;

import static dev.silkscreen.ui.controls.Buttons.button;

import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.profile.ProfileException;
import dev.silkscreen.live.profile.ProfileReader;
import dev.silkscreen.model.SafeText;
import dev.silkscreen.live.ssh.AuthMethod;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The connect dialog of a live session: opens, edits and saves a foundation profile (YAML, the
 * same file the CLI reads), imports cells from {@code bosh vms --json}, and chooses a recording.
 * Every change is checked by the profile code and its message shown under the form; Connect is
 * refused until the profile is valid. File reads and writes run off the FX thread.
 */
public final class LiveDialog extends Dialog<LiveRequest> {
    public static final ButtonType CONNECT = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
    private final TextField name = field("Profile name", "shown in the picture and in recordings");
    private final TextField jumpHost = field("Jump host", "BOSH gateway / jumpbox; empty for none (BOSH_ALL_PROXY or BOSH_GW_* then apply)");
    private final TextField jumpPort = field("Jump port", "22 when empty");
    private final TextField jumpUser = field("Jump user", "from ~/.ssh/config or your login name when empty");
    private final ComboBox<AuthMethod> jumpAuth = auth("Jump host authentication");
    private final TextField jumpKey = field("Jump key file", "private key for auth 'key'");
    private final TextField filter = field("Filter", "BPF filter, one quoted argument to tcpdump; empty for all");
    private final TextField snap = field("Snap length", "bytes kept per packet (64..262144)");
    private final TextField duration = field("Duration cap", "e.g. 30s, 2m, at most 1h; enforced on the cell by timeout");
    private final TextField packets = field("Packet cap", "packets per capture point (tcpdump -c)");
    private final GridPane cellGrid = new GridPane();
    private final List<CellControls> cells = new ArrayList<>();
    private final CheckBox record = new CheckBox("Record to");
    private final TextField recordFile = field("Recording file", "pcapng; NAME.topology.json is written beside it");
    private final Label error = new Label();
    private final Label fileNote = new Label();
    private Path profileFile;

    /** The controls of one cell row. */
    private final class CellControls {
        final TextField name = field("Cell name", "how the picture names it (no ':')");
        final TextField host = field("Host", "address or ~/.ssh/config alias");
        final TextField port = field("Port", "22 when empty");
        final TextField user = field("User", "from ~/.ssh/config or your login name when empty");
        final ComboBox<AuthMethod> auth = auth("Authentication");
        final TextField keyFile = field("Key file", "private key for auth 'key'; its passphrase is asked for");
        final CheckBox sudo = new CheckBox("sudo");
        final TextField interfaces = field("Interfaces", "comma-separated; empty: the discovered ones");
        final Button remove = new Button("✕");

        CellControls() {
            sudo.setAccessibleText("Run tcpdump and iptables-save with sudo -n");
            remove.setAccessibleText("Remove this cell");
            remove.setTooltip(new Tooltip("Remove this cell"));
            remove.setOnAction(e -> {
                cells.remove(this);
                layoutCells();
                validate();
            });
            name.setPrefColumnCount(10);
            host.setPrefColumnCount(10);
            port.setPrefColumnCount(4);
            port.setPromptText("22");
            user.setPrefColumnCount(6);
            keyFile.setPrefColumnCount(12);
            interfaces.setPrefColumnCount(10);
            for (TextField t : List.of(name, host, port, user, keyFile, interfaces)) {
                t.textProperty().addListener((o, a, b) -> validate());
            }
            auth.valueProperty().addListener((o, a, b) -> validate());
            sudo.selectedProperty().addListener((o, a, b) -> validate());
        }

        Node[] row() {
            return new Node[] {name, host, port, user, auth, keyFile, sudo, interfaces, remove};
        }
    }

    /** @param initial the profile to start from (e.g. the last one used), or null for an empty one */
    public LiveDialog(ProfileForm initial, Path file) {
        setTitle("Live capture");
        setHeaderText("Connect to the Diego cells over SSH, discover the foundation and stream tcpdump from every c2c point."
                + "\nPasswords and passphrases are asked for when needed and never stored.");
        setResizable(true);
        Button open = button("Open profile…", "Open a foundation profile (YAML)", this::openProfile);
        Button save = button("Save profile…", "Save this profile as YAML (no secrets are written)", this::saveProfile);
        Button bosh = button("Import from bosh vms --json…", "Add the Diego cells listed by 'bosh -d cf vms --json'", this::importBosh);
        Button add = button("Add cell", "Add a cell row", () -> {
            cells.add(new CellControls());
            layoutCells();
            validate();
        });

        GridPane top = new GridPane();
        top.setHgap(8);
        top.setVgap(6);
        top.addRow(0, label("Name", name), name);
        top.addRow(1, label("Jump host", jumpHost), jumpHost, label("port", jumpPort), jumpPort, label("user", jumpUser), jumpUser,
                label("auth", jumpAuth), jumpAuth, label("key file", jumpKey), jumpKey);
        top.addRow(2, label("Filter", filter), filter, label("snap length", snap), snap, label("duration cap", duration), duration,
                label("packet cap", packets), packets);
        GridPane.setColumnSpan(name, 3);
        jumpPort.setPrefColumnCount(4);
        jumpPort.setPromptText("22");
        jumpHost.setPrefColumnCount(10);
        jumpUser.setPrefColumnCount(8);
        jumpKey.setPrefColumnCount(16);
        filter.setPrefColumnCount(14);
        duration.setPrefColumnCount(5);
        snap.setPrefColumnCount(5);
        packets.setPrefColumnCount(8);
        cellGrid.setHgap(6);
        cellGrid.setVgap(4);
        ScrollPane cellScroll = new ScrollPane(cellGrid);
        cellScroll.setPrefViewportHeight(180);
        cellScroll.setFitToWidth(true);
        TitledPane cellPane = new TitledPane("Cells", new VBox(6, cellScroll, new HBox(8, add, bosh)));
        cellPane.setCollapsible(false);

        record.setAccessibleText("Record the session to a pcapng file");
        Button choose = button("Choose…", "Choose the recording file", this::chooseRecording);
        recordFile.disableProperty().bind(record.selectedProperty().not());
        choose.disableProperty().bind(record.selectedProperty().not());
        recordFile.setPrefColumnCount(28);
        Label replay = new Label("A recording (pcapng, one interface per CELL:IFACE, with NAME.topology.json beside it) "
                + "can be replayed later with Open captures… (choose both files).");
        replay.setWrapText(true);
        record.selectedProperty().addListener((o, a, b) -> validate());
        recordFile.textProperty().addListener((o, a, b) -> validate());

        error.setId("live-profile-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b00020; -fx-font-weight: bold;");
        error.setAccessibleText("Profile problem");
        VBox content = new VBox(10, new HBox(8, open, save, fileNote), top, cellPane,
                new HBox(8, record, recordFile, choose), replay, error);
        content.setPrefWidth(1080);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(CONNECT, ButtonType.CANCEL);
        Node connect = getDialogPane().lookupButton(CONNECT);
        connect.setAccessibleText("Connect to the cells and start the live capture");
        connect.addEventFilter(ActionEvent.ACTION, e -> {
            if (!validate()) {
                e.consume();
            }
        });
        setResultConverter(b -> {
            if (b != CONNECT) {
                return null;
            }
            Path rec = record.isSelected() ? Path.of(recordFile.getText().strip()) : null;
            return new LiveRequest(form().build(), rec);
        });
        for (TextField t : List.of(name, jumpHost, jumpPort, jumpUser, jumpKey, filter, snap, duration, packets)) {
            t.textProperty().addListener((o, a, b) -> validate());
        }
        jumpAuth.valueProperty().addListener((o, a, b) -> validate());
        fill(initial == null ? emptyForm() : initial, file);
    }

    /** The form as the controls now say. */
    public ProfileForm form() {
        ProfileForm f = new ProfileForm();
        f.name = name.getText();
        f.jumpHost = jumpHost.getText();
        f.jumpPort = jumpPort.getText();
        f.jumpUser = jumpUser.getText();
        f.jumpAuth = jumpAuth.getValue();
        f.jumpKeyFile = jumpKey.getText();
        f.filter = filter.getText();
        f.snapLength = snap.getText();
        f.duration = duration.getText();
        f.packets = packets.getText();
        for (CellControls c : cells) {
            ProfileForm.CellRow r = new ProfileForm.CellRow();
            r.name = c.name.getText();
            r.host = c.host.getText();
            r.port = c.port.getText();
            r.user = c.user.getText();
            r.auth = c.auth.getValue();
            r.keyFile = c.keyFile.getText();
            r.sudo = c.sudo.isSelected();
            r.interfaces = c.interfaces.getText();
            f.cells.add(r);
        }
        return f;
    }

    /** The problem shown under the form, empty when the profile is valid. */
    public String problem() {
        return error.getText();
    }

    /** Checks the form with the profile code; shows its message. True when valid. */
    public boolean validate() {
        String msg = "";
        try {
            form().build();
            if (record.isSelected() && recordFile.getText().isBlank()) {
                msg = "Recording: choose a file (or untick Record to)";
            }
        } catch (ProfileException e) {
            msg = e.getMessage();
        }
        error.setText(SafeText.line(msg));
        return msg.isEmpty();
    }

    private void fill(ProfileForm f, Path file) {
        profileFile = file;
        fileNote.setText(file == null ? "(not saved)" : file.toString());
        name.setText(f.name);
        jumpHost.setText(f.jumpHost);
        jumpPort.setText(f.jumpPort);
        jumpUser.setText(f.jumpUser);
        jumpAuth.setValue(f.jumpAuth);
        jumpKey.setText(f.jumpKeyFile);
        filter.setText(f.filter);
        snap.setText(f.snapLength);
        duration.setText(f.duration);
        packets.setText(f.packets);
        cells.clear();
        for (ProfileForm.CellRow r : f.cells) {
            CellControls c = new CellControls();
            c.name.setText(r.name);
            c.host.setText(r.host);
            c.port.setText(r.port);
            c.user.setText(r.user);
            c.auth.setValue(r.auth);
            c.keyFile.setText(r.keyFile);
            c.sudo.setSelected(r.sudo);
            c.interfaces.setText(r.interfaces);
            cells.add(c);
        }
        layoutCells();
        validate();
    }

    private static ProfileForm emptyForm() {
        ProfileForm f = new ProfileForm();
        f.cells.add(new ProfileForm.CellRow());
        return f;
    }

    private void layoutCells() {
        cellGrid.getChildren().clear();
        cellGrid.addRow(0, new Label("name"), new Label("host"), new Label("port"), new Label("user"), new Label("auth"),
                new Label("key file"), new Label(""), new Label("interfaces"));
        for (int i = 0; i < cells.size(); i++) {
            cellGrid.addRow(i + 1, cells.get(i).row());
        }
    }

    private void openProfile() {
        File f = chooser("Open a foundation profile").showOpenDialog(getOwner());
        if (f == null) {
            return;
        }
        Path p = f.toPath();
        background(() -> ProfileForm.of(ProfileReader.read(p)), form -> fill(form, p));
    }

    private void saveProfile() {
        String yaml;
        try {
            yaml = form().toYaml();
        } catch (ProfileException e) {
            error.setText("Not saved: " + e.getMessage());
            return;
        }
        FileChooser c = chooser("Save the foundation profile");
        c.setInitialFileName(profileFile != null ? profileFile.getFileName().toString() : name.getText().strip() + ".yaml");
        File f = c.showSaveDialog(getOwner());
        if (f == null) {
            return;
        }
        Path p = f.toPath();
        background(() -> {
            try {
                Files.writeString(p, "# Silkscreen foundation profile (see assets/profiles/example.yaml). No secrets.\n" + yaml);
            } catch (IOException e) {
                throw new ProfileException(p + ": cannot write: " + e.getMessage(), e);
            }
            return p;
        }, saved -> {
            profileFile = saved;
            fileNote.setText("saved to " + saved);
        });
    }

    private void importBosh() {
        FileChooser c = new FileChooser();
        c.setTitle("Output of: bosh -d cf vms --json");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON", "*.json"), new FileChooser.ExtensionFilter("All files", "*"));
        File f = c.showOpenDialog(getOwner());
        if (f == null) {
            return;
        }
        Path p = f.toPath();
        background(() -> {
            try {
                return Files.readString(p);
            } catch (IOException e) {
                throw new ProfileException(p + ": cannot read: " + e.getMessage(), e);
            }
        }, json -> {
            ProfileForm form = form();
            form.cells.removeIf(r -> r.host.isBlank() && r.name.isBlank());
            try {
                int added = form.importBoshVms(json);
                fill(form, profileFile);
                fileNote.setText(added + " cell(s) imported from " + p.getFileName());
            } catch (ProfileException e) {
                error.setText(p.getFileName() + ": " + e.getMessage());
            }
        });
    }

    private void chooseRecording() {
        FileChooser c = new FileChooser();
        c.setTitle("Record the live session to");
        c.setInitialFileName(name.getText().strip() + "-live.pcapng");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("pcapng", "*.pcapng"));
        File f = c.showSaveDialog(getOwner());
        if (f != null) {
            recordFile.setText(f.getPath());
            record.setSelected(true);
        }
    }

    /** Runs {@code work} off the FX thread and hands its result (or its message) back to it. */
    private <T> void background(java.util.function.Supplier<T> work, Consumer<T> done) {
        CompletableFuture.supplyAsync(work).whenComplete((v, t) -> Platform.runLater(() -> {
            if (t == null) {
                done.accept(v);
            } else {
                Throwable c = t.getCause() != null ? t.getCause() : t;
                error.setText(c.getMessage() == null ? c.toString() : c.getMessage());
            }
        }));
    }

    private static FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Profiles (YAML)", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return c;
    }

    private static TextField field(String accessible, String help) {
        TextField t = new TextField();
        t.setAccessibleText(accessible);
        t.setPromptText(accessible.toLowerCase());
        t.setTooltip(new Tooltip(help));
        return t;
    }

    private static ComboBox<AuthMethod> auth(String accessible) {
        ComboBox<AuthMethod> c = new ComboBox<>();
        c.getItems().setAll(AuthMethod.values());
        c.setValue(AuthMethod.AGENT);
        c.setAccessibleText(accessible + ": agent, key file, or password (asked for)");
        return c;
    }

    private static Label label(String text, Node target) {
        Label l = new Label(text);
        l.setLabelFor(target);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}
