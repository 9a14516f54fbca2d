package dev.silkscreen.live.profile;

import dev.silkscreen.live.ssh.SshTarget;
import java.util.List;
import java.util.Optional;

/**
 * A foundation to watch live: its cells, the optional jump host (the BOSH gateway) and the
 * capture limits. Read from YAML by {@link ProfileReader}; holds no secret.
 */
public record FoundationProfile(String name, SshTarget jump, List<CellTarget> cells, CaptureSettings capture) {

    public FoundationProfile {
        cells = List.copyOf(cells);
    }

    public Optional<SshTarget> jumpHost() {
        return Optional.ofNullable(jump);
    }

    public Optional<CellTarget> cell(String cellName) {
        return cells.stream().filter(c -> c.name().equals(cellName)).findFirst();
    }

    public FoundationProfile withJump(SshTarget j) {
        return new FoundationProfile(name, j, cells, capture);
    }

    public FoundationProfile withCapture(CaptureSettings c) {
        return new FoundationProfile(name, jump, cells, c);
    }
}
