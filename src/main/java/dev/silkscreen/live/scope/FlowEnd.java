package dev.silkscreen.live.scope;

import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.SafeText;
import dev.silkscreen.model.SilkNames;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One end of a flow as an operator names it: {@code APP}, {@code APP/INDEX}, or an overlay address,
 * optionally with {@code :PORT}. Only parsed values leave here (an app name to compare, an index,
 * an address and a port as numbers): nothing of the text itself ever reaches a cell.
 *
 * @param app   app name or GUID to look up, null when an address was given
 * @param index instance index, -1 for every instance
 * @param ip    overlay address, 0 when an app was given
 * @param port  TCP/UDP port, -1 for any
 */
public record FlowEnd(String app, int index, int ip, int port) {
    private static final Pattern DOTTED = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
    private static final Pattern WITH_PORT = Pattern.compile("(.+):(\\d{1,5})");
    private static final Pattern WITH_INDEX = Pattern.compile("(.+)/(\\d{1,4})");
    static final int MAX_TEXT = 256;

    /**
     * @param option    the option's name, for the message ({@code --from})
     * @param portAllowed whether {@code :PORT} may be given (the destination)
     */
    public static FlowEnd parse(String option, String text, boolean portAllowed) throws ScopeException {
        if (text == null || text.isEmpty()) {
            throw new ScopeException(option + ": give an app (APP or APP/INDEX) or an overlay address");
        }
        if (text.length() > MAX_TEXT) {
            throw new ScopeException(option + ": longer than " + MAX_TEXT + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            if (SafeText.needsEscape(text.charAt(i))) {
                throw new ScopeException(option + " " + SafeText.line(text) + ": control characters are not part of an app name");
            }
        }
        String rest = text;
        int port = -1;
        Matcher p = WITH_PORT.matcher(rest);
        if (p.matches()) {
            if (!portAllowed) {
                throw new ScopeException(option + " " + text + ": a port belongs to --to (the destination)");
            }
            port = Integer.parseInt(p.group(2));
            if (port < 1 || port > 65535) {
                throw new ScopeException(option + " " + text + ": port must be 1-65535");
            }
            rest = p.group(1);
        }
        if (DOTTED.matcher(rest).matches()) {
            int ip;
            try {
                ip = Ipv4.parse(rest);
            } catch (IllegalArgumentException e) {
                throw new ScopeException(option + " " + text + ": not an IPv4 address");
            }
            if (!SilkNames.isOverlay(ip)) {
                throw new ScopeException(option + " " + text + ": not an overlay address (" + SilkNames.OVERLAY_NETWORK + ")");
            }
            return new FlowEnd(null, -1, ip, port);
        }
        int index = -1;
        Matcher i = WITH_INDEX.matcher(rest);
        if (i.matches()) {
            index = Integer.parseInt(i.group(2));
            rest = i.group(1);
        }
        return new FlowEnd(rest, index, 0, port);
    }

    /** As the operator named it, for messages. */
    public String describe() {
        String who = app != null ? app + (index >= 0 ? "/" + index : "") : Ipv4.format(ip);
        return port >= 0 ? who + ":" + port : who;
    }
}
