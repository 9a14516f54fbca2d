package dev.silkscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.silkscreen.decode.JsonKey;
import dev.silkscreen.decode.Names;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Cross-checks {@code decode --json} against {@code tshark -T fields}, field by field and frame by
 * frame, for one capture file. Shared by the decoder's own tshark test and the testbed's
 * end-to-end tests (captures of the real kernel's Silk data path).
 *
 * <p>tshark reports every occurrence of a field (outer, inner and ICMP-quoted IP headers);
 * {@code frame.protocols} says which occurrence is which. TCP reassembly is off: a merged capture
 * holds the same stream once per point, which tshark's HTTP reassembly would call malformed.
 * Skips the calling test when tshark is missing.
 */
public final class TsharkCrossCheck {
    /**
     * tshark's fields: the one each JSON key names in the field registry (Wireshark's names, so
     * tshark knows them; Silkscreen's own silk.* left out), and those the walk itself needs.
     */
    private static final String[] FIELDS = fields();

    private static String[] fields() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(List.of("frame.protocols", "frame.time_epoch",
                "ip.len", "ip.hdr_len", "ip.frag_offset", "tcp.seq", "vxlan.flags", "_ws.short", "_ws.malformed", "_ws.expert.severity"));
        for (JsonKey.Row r : JsonKey.rows()) {
            for (JsonKey k : r.keys()) {
                k.fields().stream().filter(f -> !f.startsWith("silk.")).forEach(names::add);
            }
            for (JsonKey k : r.members()) {
                k.fields().stream().filter(f -> !f.startsWith("silk.")).forEach(names::add);
            }
        }
        return names.toArray(new String[0]);
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    private TsharkCrossCheck() {
    }

    /** Every difference between our decode and tshark's, one readable line each; empty when they agree. */
    public static List<String> mismatches(Path file) throws Exception {
        List<JsonNode> ours = ours(file);
        List<String[]> theirs = tshark(file);
        List<String> mismatches = new ArrayList<>();
        if (ours.size() != theirs.size()) {
            mismatches.add("frame count: ours " + ours.size() + ", tshark " + theirs.size());
            return mismatches;
        }
        for (int i = 0; i < ours.size(); i++) {
            new FrameComparison(file.getFileName() + " frame " + (i + 1), ours.get(i), theirs.get(i), mismatches).run();
        }
        return mismatches;
    }

    /** {@code decode --json} of the file, one JSON object per frame. */
    public static List<JsonNode> ours(Path file) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SilkscreenCli.run(new PrintWriter(out), new PrintWriter(err), "decode", "--json", file.toString());
        assertThat(code).as("decode exit status, stderr: %s", err).isZero();
        List<JsonNode> frames = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isEmpty()) {
                frames.add(JSON.readTree(line));
            }
        }
        return frames;
    }

    private static List<String[]> tshark(Path file) throws Exception {
        assumeTrue(tsharkAvailable(), "tshark is not installed (apt-get install tshark): cross-check skipped");
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString(), "-o", "ip.defragment:FALSE",
                "-o", "tcp.desegment_tcp_streams:FALSE",
                "-T", "fields", "-E", "separator=|", "-E", "occurrence=a", "-E", "aggregator=,"));
        for (String f : FIELDS) {
            cmd.add("-e");
            cmd.add(f);
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("tshark exit status").isZero();
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                rows.add(line.split("\\|", -1));
            }
        }
        return rows;
    }

    public static boolean tsharkAvailable() {
        try {
            Process p = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** One frame: walks tshark's protocol stack, consuming field occurrences per layer. */
    private static final class FrameComparison {
        private final String where;
        private final JsonNode ours;
        private final String[] row;
        private final List<String> mismatches;
        private final boolean lenient;

        FrameComparison(String where, JsonNode ours, String[] row, List<String> mismatches) {
            this.where = where;
            this.ours = ours;
            this.row = row;
            this.mismatches = mismatches;
            this.lenient = ours.has("malformed");
        }

        void run() {
            key(ours, "frame", null, 0);
            key(ours, "caplen", null, 0);
            key(ours, "len", null, 0);
            same("time", nanos(ours.path("time").asText()), new BigDecimal(one("frame.time_epoch")).movePointRight(9).toBigInteger().toString());
            if (one(field("point", null)) != null) {
                key(ours, "point", null, 0);
            }
            String[] protos = one("frame.protocols").split(":");
            boolean vxlan = List.of(protos).contains("vxlan");
            int ip = 0;
            int udp = 0;
            int tcp = 0;
            int icmp = 0;
            String role = vxlan ? "outer" : "inner";
            String innerProto = null;
            String quotedProto = null;
            for (String p : protos) {
                if (role.equals("beyond")) {
                    break; // we stop after an IPv6 header, tshark goes on
                }
                switch (p) {
                    case "vxlan" -> {
                        vxlanFields();
                        role = "inner";
                    }
                    case "ip" -> {
                        String proto = Names.ipProto(number("ip.proto", ip));
                        if (role.equals("outer")) {
                            key(ours, "outer_src", null, ip);
                            key(ours, "outer_dst", null, ip);
                        } else if (role.equals("inner")) {
                            innerIp(ip, proto);
                            innerProto = proto;
                        } else {
                            key(ours, "quoted.src", null, ip);
                            key(ours, "quoted.dst", null, ip);
                            same("quoted.proto", text(ours.path("quoted"), "proto"), proto);
                            quotedProto = proto;
                        }
                        ip++;
                    }
                    case "udp" -> {
                        if (role.equals("outer")) {
                            key(ours, "outer_sport", null, udp);
                            key(ours, "outer_dport", null, udp);
                        } else {
                            String prefix = role.equals("quoted") ? "quoted." : "";
                            key(ours, prefix + "sport", "udp", udp);
                            key(ours, prefix + "dport", "udp", udp);
                        }
                        udp++;
                    }
                    case "tcp" -> {
                        tcpFields(role, tcp);
                        tcp++;
                    }
                    case "icmp" -> {
                        if (!role.equals("quoted")) { // an ICMP error quoting an ICMP packet: we keep only its addresses
                            key(ours, "icmp_type", null, icmp);
                            key(ours, "icmp_code", null, icmp);
                        }
                        icmp++;
                        role = "quoted";
                    }
                    case "arp" -> {
                        same("proto", text(ours, "proto"), "arp");
                        key(ours, "src", "arp", 0);
                        key(ours, "dst", "arp", 0);
                    }
                    case "ipv6" -> {
                        if (innerProto == null) {
                            same("proto", text(ours, "proto"), "ipv6");
                            innerProto = "ipv6";
                        }
                        role = "beyond";
                    }
                    default -> {
                        // eth, ethertype, sll, data and application protocols carry no compared field
                    }
                }
            }
            if (!vxlan && ours.has("vni")) {
                mismatches.add(where + ": vni present but tshark saw no VXLAN");
            }
            if (quotedProto == null && ours.has("quoted") && !lenient) {
                mismatches.add(where + ": quoted present but tshark saw no quoted packet");
            }
            malformed();
        }

        private void vxlanFields() {
            key(ours, "vni", null, 0);
            int flags = Integer.decode(one("vxlan.flags"));
            boolean g = (flags & 0x8000) != 0;
            same("gbp", text(ours, "gbp"), g ? one(field("gbp", null)) : null);
        }

        private void innerIp(int ip, String proto) {
            key(ours, "src", "ip", ip);
            key(ours, "dst", "ip", ip);
            same("proto", text(ours, "proto"), proto);
            same("ip_id", text(ours, "ip_id"), String.valueOf(Integer.decode(nth(field("ip_id", null), ip))));
            int payload = number("ip.len", ip) - number("ip.hdr_len", ip);
            boolean laterFragment = number("ip.frag_offset", ip) > 0;
            if (laterFragment) {
                same("sport (later fragment)", text(ours, "sport"), null);
                same("payload_len (later fragment)", text(ours, "payload_len"), null);
            } else if (proto.equals("udp") || proto.equals("icmp")) {
                same("payload_len", text(ours, "payload_len"), String.valueOf(payload - 8));
            }
        }

        private void tcpFields(String role, int i) {
            JsonNode o = role.equals("quoted") ? ours.path("quoted") : ours;
            String prefix = role.equals("quoted") ? "quoted." : "";
            key(ours, prefix + "sport", "tcp", i);
            key(ours, prefix + "dport", "tcp", i);
            if (role.equals("quoted")) {
                same("quoted seq", text(o, "seq"), nth("tcp.seq", i)); // tshark shows quoted numbers absolute
            } else {
                key(ours, "seq", null, i);
                key(ours, "ack", null, i);
                String flags = nth(field("tcp_flags", null), i);
                same("tcp_flags", text(o, "tcp_flags"), flags == null ? null : Names.tcpFlags(Integer.decode(flags) & 0xff));
                key(ours, "payload_len", "tcp", i);
            }
        }

        private void malformed() {
            String ourProblem = text(ours, "malformed");
            boolean tsharkShort = one("_ws.short") != null;
            boolean tsharkMalformed = one("_ws.malformed") != null;
            if (ourProblem != null && ourProblem.contains("snap length") && !tsharkShort && !tsharkMalformed) {
                mismatches.add(where + ": we say '" + ourProblem + "', tshark saw a whole frame");
            }
            if (tsharkMalformed && ourProblem == null) {
                mismatches.add(where + ": tshark says malformed, we decoded it fully");
            }
        }

        /**
         * Compares JSON key {@code path} ({@code quoted.sport} for a member) with occurrence {@code n}
         * of the tshark field the registry names for it (the {@code protocol}'s one when it names several).
         */
        private void key(JsonNode frame, String path, String protocol, int n) {
            int dot = path.indexOf('.');
            JsonNode node = dot < 0 ? frame : frame.path(path.substring(0, dot));
            same(path, text(node, path.substring(dot + 1)), nth(field(path, protocol), n));
        }

        private static String field(String path, String protocol) {
            return JsonKey.named(path).fields().stream().filter(f -> protocol == null || f.startsWith(protocol + "."))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no " + protocol + " field for JSON key " + path));
        }

        private void same(String key, String mine, String tsharks) {
            if (Objects.equals(mine, tsharks)) {
                return;
            }
            if (lenient && (mine == null || tsharks == null)) {
                return; // a cut or malformed frame: each decoder stops at its own point
            }
            mismatches.add(where + ": " + key + ": ours " + mine + ", tshark " + tsharks);
        }

        private int number(String field, int n) {
            String v = nth(field, n);
            if (v == null) {
                if (lenient) {
                    return -1; // a cut frame: tshark leaves out a header it could not finish
                }
                mismatches.add(where + ": tshark gave no " + field + " #" + n);
                return -1;
            }
            return Integer.decode(v);
        }

        private String one(String field) {
            return nth(field, 0);
        }

        private String nth(String field, int n) {
            String cell = row[List.of(FIELDS).indexOf(field)];
            if (cell.isEmpty()) {
                return null;
            }
            String[] values = cell.split(",", -1);
            return n < values.length && !values[n].isEmpty() ? values[n] : null;
        }

        private static String text(JsonNode node, String key) {
            JsonNode v = node.get(key);
            return v == null || v.isNull() ? null : v.asText();
        }

        private static String nanos(String iso) {
            Instant t = Instant.parse(iso);
            return BigDecimal.valueOf(t.getEpochSecond()).movePointRight(9).add(BigDecimal.valueOf(t.getNano())).toString();
        }
    }
}
