package dev.silkscreen.live.profile;

import dev.silkscreen.live.ssh.SshTarget;
import java.util.List;
import java.util.Optional;

/**
 * A foundation to watch live: its cells, the optional jump host (the BOSH gateway) and the
 * capture limits. Read from YAML by {@link ProfileReader}; holds no secret.
 */
public record FoundationProfile(String name, SshTarget jump, List<CellTarget> cells, CaptureSettings capture, CfSources cf) {

    public FoundationProfile {
        cells = List.copyOf(cells);
        cf = cf == null ? CfSources.NONE : cf;
    }

    /** A profile without Cloud Foundry names. */
    public FoundationProfile(String name, SshTarget jump, List<CellTarget> cells, CaptureSettings capture) {
        this(name, jump, cells, capture, CfSources.NONE);
    }

    public Optional<SshTarget> jumpHost() {
        return Optional.ofNullable(jump);
    }

    public Optional<CellTarget> cell(String cellName) {
        return cells.stream().filter(c -> c.name().equals(cellName)).findFirst();
    }

    public FoundationProfile withJump(SshTarget j) {
        return new FoundationProfile(name, j, cells, capture, cf);
    }

    public FoundationProfile withCapture(CaptureSettings c) {
        return new FoundationProfile(name, jump, cells, c, cf);
    }

    public FoundationProfile withCells(List<CellTarget> c) {
        return new FoundationProfile(name, jump, c, capture, cf);
    }
}
