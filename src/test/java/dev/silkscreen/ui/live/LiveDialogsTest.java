package dev.silkscreen.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.live.profile.ProfileReader;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The live dialogs as a person meets them: the host-key question, the changed-key refusal, inline profile errors. */
@ExtendWith(ApplicationExtension.class)
class LiveDialogsTest {
    private static final String FP = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU";

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void anUnknownHostKeyIsShownWithItsFingerprintAndRejectRefuses(FxRobot robot) throws Exception {
        FxPrompter prompter = new FxPrompter(null);
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(
                () -> prompter.acceptNewHostKey("[10.0.16.5]:22", "ssh-ed25519", FP));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#host-key-unknown").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#host-key-unknown").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).contains("[10.0.16.5]:22");
        assertThat(pane.getContentText()).contains("ssh-ed25519").contains(FP);
        assertThat(pane.getButtonTypes()).extracting(ButtonType::getText).containsExactly("Accept", "Reject");
        Node reject = pane.lookupButton(pane.getButtonTypes().get(1));
        robot.interact(() -> ((Button) reject).fire());
        assertThat(answer.get(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void aChangedHostKeyIsAWarningWithNothingToAccept(FxRobot robot) throws Exception {
        FxPrompter prompter = new FxPrompter(null);
        CompletableFuture.runAsync(() -> prompter.hostKeyChanged("cell2", "ecdsa-sha2-nistp256", FP)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#host-key-changed").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#host-key-changed").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).contains("CHANGED");
        assertThat(pane.getContentText()).contains(FP);
        assertThat(pane.getButtonTypes()).extracting(ButtonType::getText).containsExactly("Close");
        robot.interact(() -> ((Button) pane.lookupButton(pane.getButtonTypes().get(0))).fire());
    }

    @Test
    void aRefusedProfileValueIsShownInTheDialogAndConnectDoesNothing(FxRobot robot) throws Exception {
        ProfileForm form = ProfileForm.of(ProfileReader.read(Path.of("assets/profiles/example.yaml")));
        form.filter = "-w /tmp/x";
        LiveDialog[] dialog = new LiveDialog[1];
        robot.interact(() -> {
            dialog[0] = new LiveDialog(form, null);
            dialog[0].show();
        });
        assertThat(dialog[0].problem()).contains("capture.filter");
        robot.interact(() -> ((Button) dialog[0].getDialogPane().lookupButton(LiveDialog.CONNECT)).fire());
        assertThat(dialog[0].isShowing()).isTrue();
        robot.interact(dialog[0]::close);
    }
}
