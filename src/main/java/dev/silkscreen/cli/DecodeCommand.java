package dev.silkscreen.cli;

import dev.silkscreen.capture.CaptureProblem;
import dev.silkscreen.capture.CaptureReader;
import dev.silkscreen.decode.DecodePrinter;
import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.decode.UdpPayload;
import dev.silkscreen.pipeline.IoReasons;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code silkscreen decode}: one line per frame of pcap/pcapng files (or stdin). Every complete
 * frame is printed; a file that is not a capture is an error (exit 2), one cut short gets a
 * warning line after its frames (exit 1).
 */
@Command(name = "decode",
        description = {"Decode capture files (pcap or pcapng), one line per frame.",
                "VXLAN (with Group Based Policy) is decoded down to the inner packet."},
        mixinStandardHelpOptions = true)
public final class DecodeCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON Lines (one object per frame) instead of summaries.")
    boolean json;

    @Option(names = "--vxlan-port", paramLabel = "N", description = "Decode UDP port N as VXLAN instead of 4789 (repeatable).")
    List<Integer> vxlanPorts;

    @Option(names = {"-Y", "--display-filter"}, paramLabel = "EXPR",
            description = {"Print only the frames that match this display filter (Wireshark's language and field names),",
                    "e.g. 'vxlan.gbp == 4', 'ip.dst == 10.255.2.7 && tcp.flags.syn == 1'. Frames keep their numbers."})
    String displayFilter;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Capture files; '-' reads standard input.")
    List<String> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        FrameDecoder decoder = decoder();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DecodePrinter printer = new DecodePrinter(decoder, out, json);
        if (displayFilter != null) {
            printer.only(FilterOption.frames(FilterOption.compile(displayFilter, false)));
        }
        int exit = ExitCodes.OK;
        for (String file : files) {
            printer.restartNumbering();
            printer.flushEachLine("-".equals(file));
            CaptureReader.Result result = readOne(file, printer);
            out.flush();
            CaptureProblem problem = result.problem();
            if (problem != null) {
                exit = Math.max(exit, CaptureProblems.report(err, name(file), problem));
                err.flush();
            }
        }
        return exit;
    }

    private FrameDecoder decoder() {
        if (vxlanPorts == null || vxlanPorts.isEmpty()) {
            return new FrameDecoder();
        }
        FrameDecoder decoder = null;
        for (int port : vxlanPorts) {
            if (port < 1 || port > 65535) {
                throw new UserException("--vxlan-port: " + port + " is not a UDP port (1-65535)");
            }
            if (decoder == null) {
                decoder = new FrameDecoder(port);
            } else {
                decoder.decodeUdpPortAs(port, UdpPayload.VXLAN);
            }
        }
        return decoder;
    }

    private static CaptureReader.Result readOne(String file, DecodePrinter printer) {
        try {
            if ("-".equals(file)) {
                return CaptureReader.read(System.in, printer, null);
            }
            Path path = Path.of(file);
            if (Files.isDirectory(path)) {
                throw new UserException(file + ": is a directory");
            }
            try (InputStream in = Files.newInputStream(path)) {
                return CaptureReader.read(in, printer, null);
            }
        } catch (NoSuchFileException e) {
            throw new UserException(file + ": no such file", ExitCodes.USAGE, e);
        } catch (IOException e) {
            throw new UserException(file + ": cannot read: " + IoReasons.of(e), ExitCodes.USAGE, e);
        }
    }

    private static String name(String file) {
        return "-".equals(file) ? "stdin" : file;
    }
}
