package dev.silkscreen.live.stream;

import dev.silkscreen.model.Foundation;

/**
 * What a live session tells its owner, from its own threads (a UI adapts these to its thread and
 * merges bursts). Default methods ignore, so an owner implements what it shows.
 */
public interface LiveListener {

    /** A cell's connection changed: connecting, connected, lost (retrying in…), failed. */
    default void cell(String cell, String state, String message) {
    }

    /** Discovery finished (first time, or again after a reconnect). */
    default void topology(Foundation foundation) {
    }

    /** A point started, ended, failed or has a message. */
    default void point(PointStats stats) {
    }

    /** Anything else worth a line: e.g. iptables-save not readable without sudo. */
    default void warning(String message) {
    }
}
