package dev.silkscreen.cli;

import dev.silkscreen.live.ssh.SecretPrompter;
import java.io.Console;
import java.io.PrintWriter;

/**
 * Asks at the terminal: passwords and passphrases without echo; a new host key is shown with its
 * fingerprint and accepted only when {@code --accept-new-host-key} was given (the CLI never
 * trusts a key on its own). Without a terminal, secrets cannot be asked and the connection fails
 * with a message saying so.
 */
final class ConsolePrompter implements SecretPrompter {
    private final boolean acceptNewHostKeys;
    private final PrintWriter err;

    ConsolePrompter(boolean acceptNewHostKeys, PrintWriter err) {
        this.acceptNewHostKeys = acceptNewHostKeys;
        this.err = err;
    }

    @Override
    public synchronized char[] password(String who) {
        return ask("Password for " + who + ": ");
    }

    @Override
    public synchronized char[] passphrase(String keyFile) {
        return ask("Passphrase for key " + keyFile + ": ");
    }

    @Override
    public synchronized boolean acceptNewHostKey(String host, String keyType, String fingerprint) {
        if (acceptNewHostKeys) {
            err.println("silkscreen: accepting new host key of " + host + ": " + keyType + " " + fingerprint + " (recorded in known_hosts)");
        } else {
            err.println("silkscreen: " + host + " is not in known_hosts; its key is " + keyType + " " + fingerprint);
        }
        err.flush();
        return acceptNewHostKeys;
    }

    private char[] ask(String prompt) {
        Console console = System.console();
        if (console == null) {
            err.println("silkscreen: no terminal to ask: " + prompt.strip());
            err.flush();
            return null;
        }
        return console.readPassword("%s", prompt);
    }
}
