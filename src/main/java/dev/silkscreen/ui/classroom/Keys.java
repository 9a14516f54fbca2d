package dev.silkscreen.ui.classroom;

import dev.silkscreen.ui.playback.PlaybackModel;
import javafx.scene.input.KeyCode;

/**
 * The keyboard of the lesson: Space or → next step, ← back, P play/pause, + and − speed, F full
 * screen, 1-9 and 0 jump to steps 1-10, Home restart, Esc leaves classroom mode. Pure mapping
 * from a key to a command, so it is tested without a window.
 */
public final class Keys {
    /** What the window does for the keys that are not playback commands. */
    public interface Window {
        void toggleFullScreen();

        void leaveClassroom();

        void toggleClassroom();
    }

    private Keys() {
    }

    /** Runs the command for {@code code}; true when the key was one of ours. */
    public static boolean handle(KeyCode code, boolean ctrl, PlaybackModel pb, Window window) {
        if (ctrl) {
            return false;
        }
        switch (code) {
            case SPACE, RIGHT, PAGE_DOWN -> pb.next();
            case LEFT, PAGE_UP -> pb.back();
            case P -> pb.togglePlay();
            case PLUS, ADD, EQUALS -> pb.faster();
            case MINUS, SUBTRACT -> pb.slower();
            case F -> window.toggleFullScreen();
            case C -> window.toggleClassroom();
            case HOME -> pb.restart();
            case ESCAPE -> window.leaveClassroom();
            default -> {
                int digit = digit(code);
                if (digit < 0) {
                    return false;
                }
                pb.jumpTo(digit == 0 ? 10 : digit);
            }
        }
        return true;
    }

    private static int digit(KeyCode code) {
        if (code.isDigitKey()) {
            String n = code.getName();
            char c = n.charAt(n.length() - 1);
            return Character.isDigit(c) ? c - '0' : -1;
        }
        return -1;
    }
}
