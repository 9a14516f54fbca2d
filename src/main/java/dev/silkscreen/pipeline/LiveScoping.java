package dev.silkscreen.pipeline;

import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.profile.SshConfigLookup;
import dev.silkscreen.live.scope.FlowEnd;
import dev.silkscreen.live.scope.FlowScope;
import dev.silkscreen.live.scope.ScopeException;
import dev.silkscreen.live.ssh.SshClient;
import dev.silkscreen.live.stream.LiveListener;
import dev.silkscreen.live.stream.LiveSession;
import dev.silkscreen.model.Foundation;
import java.util.function.UnaryOperator;

/**
 * A flow-scoped live session's first half, the same for the CLI and the desktop program: discover
 * every cell of the profile (read-only, no capture), find the flow's ends there, and give the
 * profile cut down to the cells that host them with the filters that keep only the flow.
 */
public final class LiveScoping {
    /**
     * @param profile    the cells to capture on: only the flow's, each with only its interfaces
     * @param scope      the flow's ends, cells and filters (a {@code PointFilters} for the session)
     * @param foundation what discovery found on every cell
     */
    public record Scoped(FoundationProfile profile, FlowScope scope, Foundation foundation) {
    }

    private LiveScoping() {
    }

    /**
     * @param names gives the discovered foundation the names the ends may use (Cloud Foundry's), or leaves it
     * @throws SourceException when no cell could be discovered, or the flow names nothing discovered
     */
    public static Scoped scope(FoundationProfile profile, SshClient client, SshConfigLookup sshConfig, String defaultUser,
                               LiveListener listener, FlowEnd from, FlowEnd to, UnaryOperator<Foundation> names) throws SourceException {
        Foundation found;
        try (LiveSession discovery = new LiveSession(profile, client, sshConfig, f -> { }, listener, defaultUser)) {
            found = discovery.discover();
        }
        if (found == null || found.cells().isEmpty()) {
            throw new SourceException(LiveInput.NO_CELL);
        }
        FlowScope scope;
        try {
            scope = FlowScope.resolve(names.apply(found), from, to, profile.cells().size());
        } catch (ScopeException e) {
            throw new SourceException(e.getMessage());
        }
        return new Scoped(scope.restrict(profile), scope, found);
    }
}
