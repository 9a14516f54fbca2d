package dev.silkscreen.live.profile;

import dev.silkscreen.live.ssh.SshTarget;
import dev.silkscreen.model.Durations;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;

/** Writes a profile back as YAML that {@link ProfileReader} reads to an equal profile. */
public final class ProfileWriter {
    private ProfileWriter() {
    }

    public static String toYaml(FoundationProfile p) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("name", p.name());
        if (p.jump() != null) {
            root.set("jump", ssh(f.objectNode(), p.jump()));
        }
        CaptureSettings c = p.capture();
        ObjectNode cap = root.putObject("capture");
        if (!c.filter().isEmpty()) {
            cap.put("filter", c.filter());
        }
        cap.put("snapLength", c.snapLength());
        cap.put("duration", Durations.format(c.duration()));
        cap.put("packets", c.packetCap());
        if (!p.cf().isNone()) {
            ObjectNode cf = root.putObject("cf");
            CfSources s = p.cf();
            String[] keys = {"tags", "apps", "spaces", "orgs"};
            String[] values = {s.tags(), s.apps(), s.spaces(), s.orgs()};
            for (int i = 0; i < keys.length; i++) {
                if (values[i] != null) {
                    cf.put(keys[i], values[i]);
                }
            }
            if (s.curl()) {
                cf.put("curl", true);
            }
        }
        ArrayNode cells = root.putArray("cells");
        for (CellTarget cell : p.cells()) {
            ObjectNode n = cells.addObject();
            n.put("name", cell.name());
            ssh(n, cell.ssh());
            n.put("sudo", cell.sudo());
            if (!cell.interfaces().isEmpty()) {
                ArrayNode ifs = n.putArray("interfaces");
                cell.interfaces().forEach(ifs::add);
            }
        }
        try {
            return YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode ssh(ObjectNode n, SshTarget t) {
        n.put("host", t.host());
        if (t.port() != 0) {
            n.put("port", t.port());
        }
        if (t.user() != null) {
            n.put("user", t.user());
        }
        n.put("auth", t.auth().yamlName());
        if (t.keyFile() != null) {
            n.put("keyFile", t.keyFile());
        }
        return n;
    }
}
