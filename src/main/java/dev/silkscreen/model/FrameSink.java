package dev.silkscreen.model;

/** Receives frames in the order a source produces them (per point: capture order). */
@FunctionalInterface
public interface FrameSink {
    void accept(Frame frame);
}
