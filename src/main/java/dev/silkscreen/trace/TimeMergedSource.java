package dev.silkscreen.trace;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.CaptureSink;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.FrameSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Several sources as one, merged by capture time: each runs on its own thread into a small
 * bounded queue and the merge hands on whichever head is earliest. So a file per cell reads like
 * one capture, in (roughly: the cells' clocks differ) time order, in bounded memory. A source that
 * fails leaves the others running; its error is rethrown after all have finished.
 */
public final class TimeMergedSource implements FrameSource {
    private static final int QUEUE = 2048;

    private final List<FrameSource> sources;

    public TimeMergedSource(List<? extends FrameSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public String describe() {
        List<String> names = new ArrayList<>();
        for (FrameSource s : sources) {
            names.add(s.describe());
        }
        return String.join(", ", names);
    }

    /** An item in a lane: a frame, a point opened or closed, or the end of the source. */
    private record Item(Frame frame, CapturePoint point, long time, int what, Exception error) {
        static final int FRAME = 0;
        static final int OPENED = 1;
        static final int CLOSED = 2;
        static final int END = 3;
        static final int DECLARED = 4;
        static final int ADVANCED = 5;
    }

    private static final class Lane implements CaptureSink {
        final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE);
        Item head;

        private void put(Item item) {
            try {
                queue.put(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        @Override
        public void accept(Frame frame) {
            put(new Item(frame, null, frame.timeNanos(), Item.FRAME, null));
        }

        @Override
        public void opened(CapturePoint point, long startNanos) {
            put(new Item(null, point, startNanos, Item.OPENED, null));
        }

        @Override
        public void closed(CapturePoint point, long endNanos) {
            put(new Item(null, point, endNanos, Item.CLOSED, null));
        }

        @Override
        public void declared(CapturePoint point) {
            // Before anything else: a point is known captured before the first frame of any lane is judged.
            put(new Item(null, point, Long.MIN_VALUE, Item.DECLARED, null));
        }

        @Override
        public void advanced(CapturePoint point, long nanos) {
            put(new Item(null, point, nanos, Item.ADVANCED, null));
        }
    }

    @Override
    public void run(CaptureSink sink) throws IOException, InterruptedException {
        if (sources.size() == 1) {
            sources.get(0).run(sink);
            return;
        }
        List<Lane> lanes = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (FrameSource source : sources) {
            Lane lane = new Lane();
            lanes.add(lane);
            Thread t = new Thread(() -> {
                Exception error = null;
                try {
                    source.run(lane);
                } catch (Exception e) {
                    error = e;
                }
                lane.put(new Item(null, null, Long.MAX_VALUE, Item.END, error));
            }, "source " + source.describe());
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        Exception firstError = null;
        List<Lane> live = new ArrayList<>(lanes);
        try {
            while (!live.isEmpty()) {
                Lane earliest = null;
                for (int i = 0; i < live.size(); i++) {
                    Lane lane = live.get(i);
                    if (lane.head == null) {
                        lane.head = lane.queue.take();
                    }
                    if (lane.head.what() == Item.END) {
                        if (firstError == null && lane.head.error() != null) {
                            firstError = lane.head.error();
                        }
                        live.remove(i--);
                        continue;
                    }
                    if (earliest == null || lane.head.time() < earliest.head.time()) {
                        earliest = lane;
                    }
                }
                if (earliest == null) {
                    break;
                }
                Item item = earliest.head;
                earliest.head = null;
                switch (item.what()) {
                    case Item.FRAME -> sink.accept(item.frame());
                    case Item.OPENED -> sink.opened(item.point(), item.time());
                    case Item.DECLARED -> sink.declared(item.point());
                    case Item.ADVANCED -> sink.advanced(item.point(), item.time());
                    default -> sink.closed(item.point(), item.time());
                }
            }
        } finally {
            for (Thread t : threads) {
                t.interrupt();
            }
        }
        if (firstError instanceof IOException io) {
            throw io;
        }
        if (firstError instanceof RuntimeException re) {
            throw re;
        }
        if (firstError != null) {
            throw new IOException(firstError.getMessage(), firstError);
        }
    }
}
