package dev.silkscreen.ui.canvas;

import dev.silkscreen.model.App;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Policy;
import dev.silkscreen.model.SilkNames;
import dev.silkscreen.model.Verdict;
import java.util.List;

/**
 * What a drop note says, in a class's words: where the packet died, and why, told from the
 * foundation when it can be (what the policy allows against what the packet asked; whose tag the
 * policy admits against whose the packet carries), else the first clause of the recorded reason.
 */
public final class Story {
    private Story() {
    }

    /** The note's head: {@code ✗ Dropped at step 10 on cell2}, or {@code ✗ Lost on the underlay (step 7)}. */
    public static String head(Journey j) {
        if (j.dropStage() == 7) {
            return "✗ Lost on the underlay (step 7)";
        }
        return "✗ Dropped at step " + j.dropStage() + (j.dropCell() == null ? "" : " on " + j.dropCell());
    }

    /** Why, in one or two short sentences. */
    public static String why(Journey j, Foundation f) {
        if (j.verdict() == Verdict.DROPPED && j.dropStage() == 10 && f != null && j.flow() != null) {
            String told = policyStory(j, f);
            if (told != null) {
                return told;
            }
        }
        if (j.dropStage() == 4 && j.dropCell() != null && j.flow() != null && f != null
                && j.reason() != null && j.reason().startsWith("not routed")) {
            var dstCell = f.instanceByIp(j.flow().dst()).flatMap(i -> f.cell(i.cell()));
            if (dstCell.isPresent()) {
                return j.dropCell() + " lacks a route to " + dstCell.get().subnet() + " (" + dstCell.get().name()
                        + "'s lease) via silk-vtep";
            }
        }
        if (j.reason() != null && j.reason().startsWith("too big") && j.dropCell() != null && f != null) {
            var cell = f.cell(j.dropCell());
            if (cell.isPresent()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("UDP (\\d+) bytes").matcher(
                        j.summary() == null ? "" : j.summary());
                String size = m.find() ? "the " + (Integer.parseInt(m.group(1)) + 28) + "-byte datagram" : "the datagram";
                return size + " is bigger than silk-vtep's MTU " + cell.get().overlayMtu()
                        + " and may not be fragmented: ICMP fragmentation needed goes back";
            }
        }
        if (j.reason() != null && j.reason().startsWith("delivered to the wrong cell") && j.dropCell() != null
                && j.flow() != null && f != null) {
            var wrong = f.cell(j.dropCell());
            var right = f.instanceByIp(j.flow().dst()).flatMap(i -> f.cell(i.cell()));
            if (wrong.isPresent() && right.isPresent() && !wrong.get().equals(right.get())) {
                return "the FDB sent it to " + wrong.get().underlayIp() + ", which is " + wrong.get().name() + "; "
                        + (j.dstApp() == null ? j.flow().dst() : j.dstApp()) + " is on " + right.get().name()
                        + " (" + right.get().underlayIp() + "): a stale FDB entry";
            }
        }
        if (j.dropStage() == 7 && j.flow() != null && f != null) {
            String dst = f.instanceByIp(j.flow().dst()).map(i -> i.cell()).orElse(null);
            if (dst != null) {
                return "nothing arrived at " + dst + ": is " + dst + " down or cut off?";
            }
        }
        return shortReason(j.reason());
    }

    static String policyStory(Journey j, Foundation f) {
        String src = j.srcApp() != null ? j.srcApp() : f.appByTag(j.tag()).map(App::name).orElse(null);
        String dst = j.dstApp();
        if (dst == null) {
            return null;
        }
        String proto = j.flow().proto().toLowerCase(java.util.Locale.ROOT);
        String what = j.summary() == null || j.summary().isBlank() ? "packet" : j.summary().replaceFirst("^(TCP|UDP) ", "");
        List<Policy> toDst = f.policies().stream().filter(p -> p.dstApp().equals(dst)).toList();
        List<Policy> same = toDst.stream().filter(p -> p.srcApp().equals(src)).toList();
        if (!same.isEmpty()) {
            Policy p = same.get(0);
            return "policy allows " + src + " → " + dst + " " + p.protocol() + " " + p.portText() + "; this " + what
                    + " is to " + proto + " " + j.flow().dport();
        }
        if (!toDst.isEmpty()) {
            Policy p = toDst.get(0);
            String tag = f.app(p.srcApp()).map(a -> "0x" + a.tagHex()).orElse("?");
            return "the policy admits " + p.srcApp() + "'s tag " + tag + "; this packet carries "
                    + (j.tag() < 0 ? "no tag" : "0x" + SilkNames.tagHex(j.tag())) + (src == null ? "" : " (" + src + ")");
        }
        return "no policy lets " + (src == null ? "the source app" : src) + " reach " + dst + " at all";
    }

    /** The first clause of a recorded reason (before its first colon), else the reason cut to a few words. */
    static String shortReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return "no reason recorded";
        }
        int colon = reason.indexOf(": ");
        String head = colon >= 8 ? reason.substring(0, colon) : reason;
        if (head.length() > 90) {
            int cut = head.lastIndexOf(' ', 88);
            head = head.substring(0, cut > 40 ? cut : 88) + " …";
        }
        return head;
    }
}
