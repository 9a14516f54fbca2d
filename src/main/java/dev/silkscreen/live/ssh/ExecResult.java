package dev.silkscreen.live.ssh;

import java.nio.charset.StandardCharsets;

/** What a finished remote command left: its exit status, stdout, stderr (both possibly cut at a limit). */
public record ExecResult(int exitStatus, byte[] stdout, String stderr, boolean truncated) {
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public boolean ok() {
        return exitStatus == 0;
    }

    /** The first line of stderr, or the exit status when stderr is empty: for messages. */
    public String why() {
        String s = stderr.strip();
        int nl = s.indexOf('\n');
        String first = nl < 0 ? s : s.substring(0, nl);
        return first.isEmpty() ? "exit status " + exitStatus : first + " (exit status " + exitStatus + ")";
    }
}
