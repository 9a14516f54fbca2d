package dev.silkscreen.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake tcpdump for load tests: writes a pcap stream to stdout at a set rate, its records the
 * frames of a template pcap over and over, each stamped with the wall-clock time it is written
 * (so a capture's time goes on as a real one does). Every second, and at the end, it writes how
 * many frames it has sent to a file. Ends at its duration, on SIGTERM, or when stdout is closed.
 *
 * <p>{@code PcapPacer TEMPLATE.pcap FRAMES_PER_SECOND SECONDS COUNT_FILE}
 */
public final class PcapPacer {
    private PcapPacer() {
    }

    public static void main(String[] args) throws Exception {
        List<byte[]> frames = template(Path.of(args[0]));
        long rate = Long.parseLong(args[1]);
        long seconds = Long.parseLong(args[2]);
        Path countFile = Path.of(args[3]);
        long[] sent = {0};
        Runtime.getRuntime().addShutdownHook(new Thread(() -> writeCount(countFile, sent[0])));
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        ByteBuffer head = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(0xa1b23c4d).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.write(head.array());
        out.flush();
        long start = System.nanoTime();
        long wallStart = System.currentTimeMillis() * 1_000_000L;
        long end = start + seconds * 1_000_000_000L;
        long lastCount = start;
        ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        int next = 0;
        try {
            while (true) {
                long now = System.nanoTime();
                if (now >= end) {
                    break;
                }
                long due = (now - start) * rate / 1_000_000_000L;
                long wall = wallStart + (now - start);
                while (sent[0] < due) {
                    byte[] f = frames.get(next);
                    next = (next + 1) % frames.size();
                    rec.clear();
                    rec.putInt((int) (wall / 1_000_000_000L)).putInt((int) (wall % 1_000_000_000L)).putInt(f.length).putInt(f.length);
                    out.write(rec.array());
                    out.write(f);
                    sent[0]++;
                }
                out.flush();
                if (now - lastCount > 1_000_000_000L) {
                    writeCount(countFile, sent[0]);
                    lastCount = now;
                }
                Thread.sleep(2);
            }
        } catch (IOException e) {
            // stdout closed (the reader went away): done, as tcpdump would be at SIGPIPE
        }
        writeCount(countFile, sent[0]);
        System.exit(0);
    }

    private static void writeCount(Path file, long n) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(n));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // best effort
        }
    }

    /** The frames of a classic pcap file (any timestamp resolution). */
    static List<byte[]> template(Path pcap) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
        b.position(24);
        List<byte[]> out = new ArrayList<>();
        while (b.remaining() >= 16) {
            b.getInt();
            b.getInt();
            int cap = b.getInt();
            b.getInt();
            byte[] f = new byte[cap];
            b.get(f);
            out.add(f);
        }
        return out;
    }
}
