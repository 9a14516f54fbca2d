package dev.silkscreen.ui.live;

import dev.silkscreen.live.profile.BoshVmsImport;
import dev.silkscreen.live.profile.CaptureSettings;
import dev.silkscreen.live.profile.CellTarget;
import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.profile.ProfileException;
import dev.silkscreen.live.profile.ProfileReader;
import dev.silkscreen.live.profile.ProfileWriter;
import dev.silkscreen.live.ssh.AuthMethod;
import dev.silkscreen.live.ssh.SshTarget;
import dev.silkscreen.model.Durations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A foundation profile as the connect dialog edits it: every field is text as typed. {@link #build}
 * turns it into a profile the way a file would be read: written with {@code ProfileWriter} and read
 * back with {@code ProfileReader}, so the dialog refuses exactly what the profile file refuses,
 * with the same message. No secret has a field here.
 */
public final class ProfileForm {
    /** One cell row; {@code interfaces} is comma-separated, empty for the discovered ones. */
    public static final class CellRow {
        public String name = "";
        public String host = "";
        public String port = "";
        public String user = "";
        public AuthMethod auth = AuthMethod.AGENT;
        public String keyFile = "";
        public boolean sudo = true;
        public String interfaces = "";
    }

    public String name = "foundation";
    /** Empty host: no jump host. */
    public String jumpHost = "";
    public String jumpPort = "";
    public String jumpUser = "";
    public AuthMethod jumpAuth = AuthMethod.AGENT;
    public String jumpKeyFile = "";
    public String filter = "";
    public String snapLength = Integer.toString(CaptureSettings.DEFAULT_SNAP_LENGTH);
    public String duration = Durations.format(CaptureSettings.DEFAULT_DURATION);
    public String packets = Long.toString(CaptureSettings.DEFAULT_PACKET_CAP);
    public final List<CellRow> cells = new ArrayList<>();
    /** The profile's {@code cf} key (Cloud Foundry names), kept as it was: the form has no fields for it. */
    public dev.silkscreen.live.profile.CfSources cf = dev.silkscreen.live.profile.CfSources.NONE;

    /** The form showing {@code p}. */
    public static ProfileForm of(FoundationProfile p) {
        ProfileForm f = new ProfileForm();
        f.name = p.name();
        if (p.jump() != null) {
            SshTarget j = p.jump();
            f.jumpHost = j.host();
            f.jumpPort = j.port() == 0 ? "" : Integer.toString(j.port());
            f.jumpUser = nz(j.user());
            f.jumpAuth = j.auth();
            f.jumpKeyFile = nz(j.keyFile());
        }
        CaptureSettings c = p.capture();
        f.filter = c.filter();
        f.snapLength = Integer.toString(c.snapLength());
        f.duration = Durations.format(c.duration());
        f.packets = Long.toString(c.packetCap());
        p.cells().forEach(cell -> f.cells.add(row(cell)));
        f.cf = p.cf();
        return f;
    }

    private static CellRow row(CellTarget cell) {
        CellRow r = new CellRow();
        r.name = cell.name();
        r.host = cell.ssh().host();
        r.port = cell.ssh().port() == 0 ? "" : Integer.toString(cell.ssh().port());
        r.user = nz(cell.ssh().user());
        r.auth = cell.ssh().auth();
        r.keyFile = nz(cell.ssh().keyFile());
        r.sudo = cell.sudo();
        r.interfaces = String.join(", ", cell.interfaces());
        return r;
    }

    /**
     * The profile this form describes.
     *
     * @throws ProfileException with the profile reader's message when a value is refused
     */
    public FoundationProfile build() {
        List<CellTarget> targets = new ArrayList<>();
        int i = 0;
        for (CellRow r : cells) {
            String where = "cells[" + i++ + "]";
            List<String> ifs = Arrays.stream(r.interfaces.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            targets.add(new CellTarget(r.name.isBlank() ? r.host.strip() : r.name.strip(), ssh(where, r.host, r.port, r.user, r.auth, r.keyFile), r.sudo, ifs));
        }
        SshTarget jump = jumpHost.isBlank() ? null : ssh("jump", jumpHost, jumpPort, jumpUser, jumpAuth, jumpKeyFile);
        CaptureSettings capture = new CaptureSettings(filter.strip(), (int) number("capture.snapLength", snapLength),
                ProfileReader.duration("capture.duration", duration.strip()), number("capture.packets", packets));
        FoundationProfile raw = new FoundationProfile(name.strip(), jump, targets, capture, cf);
        return ProfileReader.parse(ProfileWriter.toYaml(raw));
    }

    /** The profile as YAML, after the same checks as {@link #build}. */
    public String toYaml() {
        return ProfileWriter.toYaml(build());
    }

    /**
     * Adds the Diego cells found in {@code bosh -d cf vms --json} output, reached like the first
     * row (or as {@code vcap} through ssh-agent, with sudo, when there are none yet).
     *
     * @return how many cells were added
     */
    public int importBoshVms(String json) {
        CellRow like = cells.isEmpty() ? null : cells.get(0);
        SshTarget template = like == null
                ? new SshTarget("template", 0, "vcap", AuthMethod.AGENT, null)
                : ssh("cells[0]", "template", like.port, like.user, like.auth, like.keyFile);
        List<CellTarget> found = BoshVmsImport.cells(json, BoshVmsImport.DEFAULT_GROUPS, template, like == null || like.sudo);
        int added = 0;
        for (CellTarget c : found) {
            if (cells.stream().noneMatch(r -> r.name.equals(c.name()))) {
                cells.add(row(c));
                added++;
            }
        }
        return added;
    }

    private static SshTarget ssh(String where, String host, String port, String user, AuthMethod auth, String keyFile) {
        int p = port.isBlank() ? 0 : (int) number(where + ".port", port);
        return new SshTarget(host.strip(), p, user.isBlank() ? null : user.strip(), auth, keyFile.isBlank() ? null : keyFile.strip());
    }

    private static long number(String field, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new ProfileException(field + ": '" + text + "' is not a number");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
