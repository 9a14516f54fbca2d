package dev.silkscreen.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.silkscreen.cli.ExitCodes;
import dev.silkscreen.live.fixture.FakeCell;
import dev.silkscreen.live.fixture.SshOffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar speaks the SSH that cells offer: against a fake cell (in-process MINA sshd,
 * real /bin/sh, fake tcpdump) that offers only what a current stemcell does (ed25519 host key,
 * ed25519 user key, curve25519 key exchange) or only what an older one does (RSA), {@code java
 * -jar target/silkscreen.jar} discovers the cell and streams from it. The key files are made by
 * the real ssh-keygen, as an operator's are. Without {@code Multi-Release: true} in the jar's
 * manifest, JSch's ed25519 and curve25519 classes are never loaded and the current cell fails.
 */
class JarSshIT {
    @TempDir
    Path dir;
    private FakeCell cell;

    @BeforeAll
    static void keygen() {
        String missing = SshOffer.keygenMissing();
        assumeTrue(missing == null, () -> "skipped: " + missing);
    }

    @AfterEach
    void close() throws Exception {
        if (cell != null) {
            cell.close();
        }
    }

    /** A fake cell with this offer, a user key of this type authorised on it, and a profile for it. */
    private Path cellWith(SshOffer offer, String userKeyType, String authorisedKeyType) throws Exception {
        cell = new FakeCell(Files.createDirectories(dir.resolve("cell")), offer);
        Path key = SshOffer.sshKeygen(dir, userKeyType, "id_" + userKeyType);
        Path authorised = authorisedKeyType.equals(userKeyType) ? key : SshOffer.sshKeygen(dir, authorisedKeyType, "other_" + authorisedKeyType);
        cell.authorize(SshOffer.publicBlob(authorised));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve("known_hosts"), offer.knownHostsLine("[127.0.0.1]:" + cell.port()));
        Path profile = dir.resolve("cells.yaml");
        Files.writeString(profile, """
                name: fake
                capture: {duration: 2s}
                cells:
                  - name: diego-cell/0
                    host: 127.0.0.1
                    port: %d
                    user: %s
                    auth: key
                    keyFile: %s
                """.formatted(cell.port(), FakeCell.USER, key));
        return profile;
    }

    private Artifact.Run jar(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--known-hosts";
        all[args.length + 1] = dir.resolve("known_hosts").toString();
        all[args.length + 2] = "--ssh-config";
        all[args.length + 3] = dir.resolve("no-ssh-config").toString();
        // HOME without ~/.ssh or an agent: only the profile's key may be used.
        return Artifact.jar(java.util.List.of("-Duser.home=" + dir), java.util.Map.of(), all);
    }

    private static void assertDiscovered(Artifact.Run r) {
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).doesNotContain("Algorithm negotiation fail");
        assertThat(r.out()).as(r.toString()).contains("cell diego-cell/0  underlay 10.0.16.5 on eth0", "container 10.255.77.3", "tag 0x0002");
    }

    @Test
    void theJarDiscoversACellThatOffersOnlyEd25519AndCurve25519() throws Exception {
        Path profile = cellWith(SshOffer.currentStemcell(dir), "ed25519", "ed25519");
        assertDiscovered(jar("discover", profile.toString()));
    }

    @Test
    void theJarStreamsFromACellThatOffersOnlyEd25519AndCurve25519() throws Exception {
        Path profile = cellWith(SshOffer.currentStemcell(dir), "ed25519", "ed25519");
        Artifact.Run r = jar("trace", "--live", profile.toString(), "--duration", "2s");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).contains("journeys");
        // Every point of the cell streamed frames (the fake tcpdump's) through the jar's SSH.
        assertThat(r.err()).as(r.toString()).contains("diego-cell/0:eth0", "diego-cell/0:silk-vtep").doesNotContain("failed");
    }

    @Test
    void theJarDiscoversAnOlderCellThatOffersOnlyRsa() throws Exception {
        Path profile = cellWith(SshOffer.olderStemcell(dir), "rsa", "rsa");
        assertDiscovered(jar("discover", profile.toString()));
    }

    @Test
    void aCurrentCellRefusesAnRsaUserKeySoTheEd25519LoginIsRealEvidence() throws Exception {
        // The same server, the same client, only the user key's type differs: the fake cell's
        // offer is enforced, so the passing tests above did use ed25519 (and RSA) for real.
        Path profile = cellWith(SshOffer.currentStemcell(dir), "rsa", "rsa");
        Artifact.Run r = jar("discover", profile.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).as(r.toString()).contains("diego-cell/0");
        assertThat(r.out()).doesNotContain("container 10.255.77.3");
    }
}
