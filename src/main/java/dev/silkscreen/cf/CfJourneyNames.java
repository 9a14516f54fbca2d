package dev.silkscreen.cf;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.SilkNames;
import dev.silkscreen.trace.JourneyJson;
import java.io.IOException;
import java.util.Optional;

/**
 * A journey's ends in Cloud Foundry's terms, for the {@code trace} table and JSON: the source and
 * destination apps with their spaces and orgs (by the containers' addresses, else, for the source,
 * by the packet's policy tag), and the app the tag belongs to; a tag CF does not know stays
 * {@code 0x00NN} with "unknown app".
 */
public final class CfJourneyNames implements JourneyJson.Extra {
    public static final String UNKNOWN_APP = "unknown app";
    private final CfNaming naming;

    public CfJourneyNames(CfNaming naming) {
        this.naming = naming;
    }

    private Optional<CfApp> source(Journey j) {
        Optional<CfApp> byIp = naming.ofIp(j.flow().src());
        return byIp.isPresent() || j.tag() < 0 ? byIp : naming.ofTag(j.tag());
    }

    private Optional<CfApp> destination(Journey j) {
        return naming.ofIp(j.flow().dst());
    }

    /**
     * JSON: {@code src_app_guid}, {@code src_space}, {@code src_space_guid}, {@code src_org},
     * {@code src_org_guid}, the same for {@code dst_}, and {@code tag_app}, {@code tag_app_guid}
     * (null where not known).
     */
    @Override
    public void write(Journey j, JsonGenerator g) throws IOException {
        end(g, "src_", source(j));
        end(g, "dst_", destination(j));
        Optional<CfApp> owner = j.tag() < 0 ? Optional.empty() : naming.ofTag(j.tag());
        g.writeStringField("tag_app", owner.map(CfApp::name).orElse(j.tag() < 0 ? null : UNKNOWN_APP));
        g.writeStringField("tag_app_guid", owner.map(CfApp::guid).orElse(null));
    }

    private static void end(JsonGenerator g, String prefix, Optional<CfApp> app) throws IOException {
        g.writeStringField(prefix + "app_guid", app.map(CfApp::guid).orElse(null));
        g.writeStringField(prefix + "space", app.map(CfApp::spaceName).orElse(null));
        g.writeStringField(prefix + "space_guid", app.map(CfApp::spaceGuid).orElse(null));
        g.writeStringField(prefix + "org", app.map(CfApp::orgName).orElse(null));
        g.writeStringField(prefix + "org_guid", app.map(CfApp::orgGuid).orElse(null));
    }

    /**
     * The table's second line for a journey:
     * {@code apps: frontend (space dev, org acme) → orders (space dev, org acme); tag 0x0004 = frontend}.
     */
    public String tableLine(Journey j) {
        StringBuilder sb = new StringBuilder("apps: ");
        sb.append(describe(source(j), j.srcApp(), j.flow().src())).append(" → ")
                .append(describe(destination(j), j.dstApp(), j.flow().dst()));
        if (j.tag() >= 0) {
            sb.append("; tag 0x").append(SilkNames.tagHex(j.tag())).append(" = ")
                    .append(naming.ofTag(j.tag()).map(a -> a.name() != null ? a.name() : a.guid()).orElse(UNKNOWN_APP));
        }
        return sb.toString();
    }

    private static String describe(Optional<CfApp> app, String name, String ip) {
        if (app.isEmpty()) {
            return name != null ? name : ip;
        }
        CfApp a = app.get();
        String where = a.where();
        return (a.name() != null ? a.name() : a.guid()) + (where.isEmpty() ? "" : " (" + where + ")");
    }
}
