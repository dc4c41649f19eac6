package org.rapport.format;

import org.rapport.diag.Diagnostic;
import org.rapport.diag.Severity;
import org.rapport.diag.SourceMap;
import org.rapport.format.json.JsonSyntaxError;
import org.rapport.format.json.JsonValue;
import org.rapport.format.json.StrictJsonParser;
import org.rapport.format.json.Utf8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Reads dialogue files strictly and never throws on bad content: every problem becomes a located diagnostic.
 * Files over the size limit are refused before they are read.
 */
public final class DialogueReader {
    /** 16 MiB: far beyond any hand-written dialogue, small enough that a wrong file cannot exhaust memory. */
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    /**
     * From this many bytes on, a file's nodes are mapped on a second thread while the parser reads on (about 15 %
     * off reading a 15 MB file on two cores); below it a thread costs more than it saves.
     */
    static final int PIPELINE_FROM = 2_000_000;

    private final long maxBytes;
    private final int pipelineFrom;

    public DialogueReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public DialogueReader(long maxBytes) {
        this(maxBytes, PIPELINE_FROM);
    }

    /** A reader that maps nodes on a second thread from {@code pipelineFrom} bytes on (tests set it low). */
    DialogueReader(long maxBytes, int pipelineFrom) {
        this.maxBytes = maxBytes;
        this.pipelineFrom = pipelineFrom;
    }

    public ReadResult read(Path file) {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                return failed(name, null, new Diagnostic(name, 0, 0, Severity.ERROR, "RAP002",
                        "The file is " + mib(size) + ", over the " + mib(maxBytes) + " limit for a dialogue. Is it the right file?", null));
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = readBounded(in, (int) size);
            }
            if (bytes.length > maxBytes) {
                return failed(name, null, new Diagnostic(name, 0, 0, Severity.ERROR, "RAP002",
                        "The file is over the " + mib(maxBytes) + " limit for a dialogue. Is it the right file?", null));
            }
            return read(name, bytes);
        } catch (IOException e) {
            return failed(name, null, new Diagnostic(name, 0, 0, Severity.ERROR, "RAP007",
                    "The file cannot be read: " + e.getMessage(), null));
        }
    }

    /**
     * The stream's bytes, {@code expected} of them in one array of that size (reading in chunks of 8 KB and joining
     * them copied a large file twice), and if the file grew since its size was taken, the rest up to one byte over the
     * limit, so that the caller sees it is too large without reading all of it.
     */
    private byte[] readBounded(InputStream in, int expected) throws IOException {
        byte[] bytes = new byte[expected];
        int n = in.readNBytes(bytes, 0, expected);
        if (n < expected) return java.util.Arrays.copyOf(bytes, n); // it shrank meanwhile
        byte[] more = in.readNBytes((int) Math.min(maxBytes + 1 - n, Integer.MAX_VALUE - 8 - n));
        if (more.length == 0) return bytes;
        byte[] all = java.util.Arrays.copyOf(bytes, n + more.length);
        System.arraycopy(more, 0, all, n, more.length);
        return all;
    }

    /** Reads bytes already in memory; {@code name} is what diagnostics call the file. */
    public ReadResult read(String name, byte[] bytes) {
        java.util.function.Supplier<String> hash = ReadResult.lazySha256(bytes);
        if (bytes.length > maxBytes) {
            return failed(name, hash, new Diagnostic(name, 0, 0, Severity.ERROR, "RAP002",
                    "The file is " + mib(bytes.length) + ", over the " + mib(maxBytes) + " limit for a dialogue.", null));
        }
        return bytes.length >= pipelineFrom ? parsePipelined(name, bytes, hash) : parse(name, bytes, hash);
    }

    /**
     * Reads text already decoded (the web player gets the file as a JavaScript string); the result has no content
     * hash.
     */
    public ReadResult readText(String name, String text) {
        return parse(name, text.getBytes(StandardCharsets.UTF_8), null);
    }

    private static ReadResult parse(String name, byte[] bytes, java.util.function.Supplier<String> hash) {
        int from = bodyStart(bytes);
        SourceMap positions = positionsOnDemand(name, bytes, from);
        DialogueMapperV1 mapper = new DialogueMapperV1(name, positions);
        JsonValue root;
        try {
            // The nodes are mapped as they are read, so the file's whole JSON tree is never in memory at once.
            root = StrictJsonParser.parse(bytes, from, "nodes", mapper.nodeStream(), DialogueMapperV1.NAMES);
        } catch (JsonSyntaxError e) {
            return syntaxError(name, bytes, hash, e);
        }
        return new ReadResult(name, mapper.map(root), positions, mapper.diagnostics(), mapper.declaredNodeIds(), hash);
    }

    /**
     * As {@link #parse}, with the nodes mapped on a second thread while the parser reads on ({@link MappingThread}).
     * A method of its own, reached only from {@link #read(String, byte[])}, so that the web player, compiled to
     * JavaScript from {@link #readText}, never reaches a thread.
     */
    private static ReadResult parsePipelined(String name, byte[] bytes, java.util.function.Supplier<String> hash) {
        int from = bodyStart(bytes);
        SourceMap positions = positionsOnDemand(name, bytes, from);
        DialogueMapperV1 mapper = new DialogueMapperV1(name, positions);
        MappingThread second = new MappingThread(mapper.nodeStream());
        JsonValue root;
        try {
            root = StrictJsonParser.parse(bytes, from, "nodes", second, DialogueMapperV1.NAMES);
        } catch (JsonSyntaxError e) {
            return syntaxError(name, bytes, hash, e);
        } finally {
            second.finish();
        }
        return new ReadResult(name, mapper.map(root), positions, mapper.diagnostics(), mapper.declaredNodeIds(), hash);
    }

    /** Where the JSON starts: past a UTF-8 byte-order mark, if the file has one. */
    private static int bodyStart(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    /**
     * Positions are recorded only when a diagnostic (or the author view) first asks for one: then the same bytes are
     * read again, recording. A clean file never pays for them.
     */
    private static SourceMap positionsOnDemand(String name, byte[] bytes, int from) {
        return SourceMap.onDemand(() -> {
            DialogueMapperV1 again = new DialogueMapperV1(name);
            try {
                again.map(StrictJsonParser.parse(bytes, from, "nodes", again.nodeStream(), DialogueMapperV1.NAMES));
            } catch (JsonSyntaxError e) {
                throw new IllegalStateException("the text parsed the first time", e);
            }
            return again.sourceMap();
        });
    }

    /**
     * The parser's error, unless the file is not UTF-8 at all: that is said first, wherever the bad byte is (the
     * parser finds a bad byte itself only where it reads one, and may stop at a slip before it).
     */
    private static ReadResult syntaxError(String name, byte[] bytes, java.util.function.Supplier<String> hash, JsonSyntaxError e) {
        if (!e.code().equals("RAP003") && !Utf8.isUtf8(bytes)) {
            e = new JsonSyntaxError("RAP003", Utf8.positionOfBadByte(bytes), Utf8.NOT_UTF8);
        }
        return syntaxError(name, hash, e);
    }

    private static ReadResult syntaxError(String name, java.util.function.Supplier<String> hash, JsonSyntaxError e) {
        return failed(name, hash, new Diagnostic(name, e.pos().line(), e.pos().column(), Severity.ERROR, e.code(), e.getMessage(), null));
    }

    private static ReadResult failed(String name, java.util.function.Supplier<String> hash, Diagnostic d) {
        return new ReadResult(name, null, new SourceMap(), List.of(d), Set.of(), hash);
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
