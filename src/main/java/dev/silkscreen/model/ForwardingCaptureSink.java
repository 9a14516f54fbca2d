package dev.silkscreen.model;

/**
 * A sink that passes everything on to another: a wrapper overrides only what it watches or
 * changes. Every {@link CaptureSink} method is forwarded here, so a method added to the interface
 * later (as {@link #uncaptured} was) reaches the end of the chain without each wrapper knowing it.
 */
public class ForwardingCaptureSink implements CaptureSink {
    protected final CaptureSink next;

    public ForwardingCaptureSink(CaptureSink next) {
        this.next = next;
    }

    @Override
    public void accept(Frame frame) {
        next.accept(frame);
    }

    @Override
    public void opened(CapturePoint point, long startNanos) {
        next.opened(point, startNanos);
    }

    @Override
    public void closed(CapturePoint point, long endNanos) {
        next.closed(point, endNanos);
    }

    @Override
    public void declared(CapturePoint point) {
        next.declared(point);
    }

    @Override
    public void advanced(CapturePoint point, long nanos) {
        next.advanced(point, nanos);
    }

    @Override
    public void uncaptured(String cell, String reason) {
        next.uncaptured(cell, reason);
    }
}
