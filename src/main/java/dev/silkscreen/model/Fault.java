package dev.silkscreen.model;

/**
 * Something wrong in a foundation, on purpose (a scenario) or as found.
 *
 * @param kind   {@code stale-fdb}, {@code no-route}, {@code cell-down}, {@code mtu}, {@code meow},
 *               {@code underlay-mtu}, {@code vxlan-blocked}, {@code reply-lost}, {@code conntrack-full}
 * @param cell   the cell it is on
 * @param peer   the other cell involved, or null
 * @param detail a sentence a person understands
 */
public record Fault(String kind, String cell, String peer, String detail) {
}
