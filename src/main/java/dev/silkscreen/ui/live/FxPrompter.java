package dev.silkscreen.ui.live;

import dev.silkscreen.live.ssh.SecretPrompter;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Answers the live package's questions with dialogs: passwords and passphrases in masked fields
 * (handed over once, never kept), new host keys with their fingerprint (Accept / Reject), changed
 * host keys as a warning with no way to accept. Called on connecting threads: each question is
 * shown on the FX thread and the calling thread waits for the answer; the FX thread never waits.
 */
public final class FxPrompter implements SecretPrompter {
    private final Window owner;

    public FxPrompter(Window owner) {
        this.owner = owner;
    }

    @Override
    public char[] password(String who) {
        return ask(() -> secret("Password", "Password for " + who, "Password"));
    }

    @Override
    public char[] passphrase(String keyFile) {
        return ask(() -> secret("Key passphrase", "Passphrase of the private key " + keyFile, "Passphrase"));
    }

    @Override
    public boolean acceptNewHostKey(String host, String keyType, String fingerprint) {
        Boolean ok = ask(() -> hostKeyDialog(new HostKeyQuestion(host, keyType, fingerprint, false)).showAndWait()
                .map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false));
        return ok != null && ok;
    }

    @Override
    public void hostKeyChanged(String host, String keyType, String fingerprint) {
        Platform.runLater(() -> hostKeyDialog(new HostKeyQuestion(host, keyType, fingerprint, true)).show());
    }

    /**
     * The dialog for {@code q}: Accept and Reject for an unknown key; only Close (and a warning icon)
     * for a changed one.
     */
    public Alert hostKeyDialog(HostKeyQuestion q) {
        Alert a;
        if (q.changed()) {
            a = new Alert(Alert.AlertType.WARNING, q.body(), new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE));
        } else {
            a = new Alert(Alert.AlertType.CONFIRMATION, q.body(), new ButtonType("Accept", ButtonBar.ButtonData.OK_DONE),
                    new ButtonType("Reject", ButtonBar.ButtonData.CANCEL_CLOSE));
        }
        a.setTitle(q.title());
        a.setHeaderText(q.header());
        a.getDialogPane().setId(q.changed() ? "host-key-changed" : "host-key-unknown");
        a.getDialogPane().setAccessibleText(q.header() + " " + q.body());
        a.getDialogPane().setMinWidth(560);
        if (owner != null) {
            a.initOwner(owner);
        }
        return a;
    }

    private char[] secret(String title, String question, String field) {
        Dialog<char[]> d = new Dialog<>();
        d.setTitle(title);
        d.setHeaderText(question);
        PasswordField pf = new PasswordField();
        pf.setAccessibleText(field);
        pf.setPromptText(field);
        d.getDialogPane().setContent(new VBox(8, new Label(field + " (not stored)"), pf));
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> {
            char[] out = b == ButtonType.OK ? pf.getText().toCharArray() : null;
            pf.clear();
            return out;
        });
        if (owner != null) {
            d.initOwner(owner);
        }
        Platform.runLater(pf::requestFocus);
        Optional<char[]> answer = d.showAndWait();
        return answer.orElse(null);
    }

    /** Runs {@code question} on the FX thread and waits for it here (never on the FX thread). */
    private static <T> T ask(Supplier<T> question) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("SSH questions are asked from connecting threads, never the FX thread");
        }
        FutureTask<T> task = new FutureTask<>(question::get);
        Platform.runLater(task);
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the question could not be shown: " + e.getCause(), e.getCause());
        }
    }
}
