package dev.silkscreen.cli;

import dev.silkscreen.cf.CfCurl;
import dev.silkscreen.cf.CfDirectory;
import dev.silkscreen.cf.CfException;
import dev.silkscreen.cf.CfNaming;
import dev.silkscreen.live.profile.CfSources;
import dev.silkscreen.model.App;
import dev.silkscreen.model.Foundation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Cloud Foundry's names for the apps: answers of {@code cf curl} saved in files, or asked for with {@code --cf-curl}. */
public final class CfOptions {

    @Option(names = "--cf-tags", paramLabel = "FILE", description = "What 'cf curl /networking/v1/external/tags' printed: policy tag → app GUID.")
    Path tags;

    @Option(names = "--cf-apps", paramLabel = "FILE", description = "What 'cf curl \"/v3/apps?guids=...\"' printed: app names and spaces.")
    Path apps;

    @Option(names = "--cf-spaces", paramLabel = "FILE",
            description = "What 'cf curl \"/v3/spaces?guids=...&include=organization\"' printed: space and org names.")
    Path spaces;

    @Option(names = "--cf-orgs", paramLabel = "FILE", description = "What 'cf curl \"/v3/organizations?guids=...\"' printed (when the spaces' answer has no orgs).")
    Path orgs;

    @Option(names = "--cf-curl", description = {"Ask the logged-in cf CLI on PATH for the names (read-only: cf curl of the tags,",
            "then of the apps, spaces and orgs by the GUIDs found; nothing typed is passed to it)."})
    boolean curl;

    private CfDirectory directory;

    /**
     * Takes what the live profile's {@code cf} key names where the command line gave nothing for
     * it; relative paths are the profile directory's.
     */
    void withProfile(CfSources s, Path profileDir) {
        if (s == null || s.isNone()) {
            return;
        }
        tags = tags != null ? tags : resolve(s.tags(), profileDir);
        apps = apps != null ? apps : resolve(s.apps(), profileDir);
        spaces = spaces != null ? spaces : resolve(s.spaces(), profileDir);
        orgs = orgs != null ? orgs : resolve(s.orgs(), profileDir);
        curl |= s.curl();
    }

    private static Path resolve(String file, Path dir) {
        if (file == null) {
            return null;
        }
        Path p = Path.of(file);
        return p.isAbsolute() || dir == null ? p : dir.resolve(p);
    }

    boolean given() {
        return tags != null || apps != null || spaces != null || orgs != null || curl;
    }

    /** The names, read once (the files; then cf curl about the apps of {@code f} and the tags). */
    CfDirectory directory(Foundation f) {
        if (directory != null) {
            return directory;
        }
        try {
            CfDirectory d;
            if (curl) {
                Path cf = CfCurl.onPath(System.getenv("PATH"))
                        .orElseThrow(() -> new UserException("--cf-curl: no cf CLI on PATH (or give the answers as files: --cf-tags, --cf-apps, --cf-spaces)"));
                List<String> guids = new ArrayList<>();
                if (f != null) {
                    f.apps().stream().map(App::guid).filter(g -> g != null).forEach(guids::add);
                }
                d = new CfCurl(cf, Duration.ofSeconds(60)).fetch(guids);
            } else {
                d = new CfDirectory();
            }
            if (tags != null) {
                d.addTags(tags);
            }
            if (apps != null) {
                d.addApps(apps);
            }
            if (spaces != null) {
                d.addSpaces(spaces);
            }
            if (orgs != null) {
                d.addOrgs(orgs);
            }
            directory = d;
            return d;
        } catch (CfException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** The foundation with CF's app names, or as it is when no names were given. */
    Foundation rename(Foundation f) {
        return !given() || f == null ? f : new CfNaming(f, directory(f)).renamed();
    }
}
