package org.rapport.importer;

import org.rapport.catalog.Catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code rapport import}: a scenario from another tool as a Rapport draft. Reads Twee 3 and Twee2 text, Twine 2
 * published and archive HTML, H5P Branching Scenario ({@code .h5p} or its {@code content.json}) and compiled ink JSON
 * (versions 18-21) and Yarn Spinner 2 ({@code .yarn}). The kind is told from the content first, the file name second. The output is canonical
 * ({@link org.rapport.format.DialogueWriter}) and a pure function of the input bytes: importing twice gives the same
 * bytes. Whatever the bytes, the result is a located report, never an exception; nothing in the file is run and
 * nothing is fetched.
 */
public final class Importer {
    /** Files larger than this are refused before they are read (the dialogue reader's limit). */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private final Convention convention;
    private final Catalog catalog;

    public Importer(Catalog catalog) {
        this.catalog = catalog;
        this.convention = new Convention(catalog);
    }

    public ImportResult importFile(Path file) {
        String name = file.toString();
        ImportReport report = new ImportReport(name);
        try {
            if (!Files.isRegularFile(file)) {
                report.error("RAP100", 0, 0, "Cannot open the file (missing, or a folder).");
                return result(report, "unknown", null);
            }
            if (Files.size(file) > MAX_BYTES) {
                report.error("RAP100", 0, 0, "The file is larger than " + (MAX_BYTES >> 20) + " MB; it was not read.");
                return result(report, "unknown", null);
            }
            return importBytes(name, Files.readAllBytes(file));
        } catch (IOException e) {
            report.error("RAP100", 0, 0, "Cannot read the file: " + e.getMessage());
            return result(report, "unknown", null);
        }
    }

    /** Imports a file's bytes; {@code name} is used in the report and to tell the kind when the content does not. */
    public ImportResult importBytes(String name, byte[] bytes) {
        ImportReport report = new ImportReport(name);
        String kind = "unknown";
        try {
            kind = kind(name, bytes);
            Scenario s = switch (kind) {
                case "h5p" -> H5pImporter.fromZip(bytes, report, base(name));
                case "empty" -> {
                    report.error("RAP100", 0, 0, "The file is empty.");
                    yield null;
                }
                case "ink-source" -> {
                    report.error("RAP100", 1, 1, "This is ink source. Rapport reads compiled ink: compile it first with inklecate "
                            + "(inklecate -o story.ink.json story.ink) or Inky's File > Export to JSON, then import the .json file.");
                    yield null;
                }
                default -> text(name, bytes, kind, report);
            };
            if (s == null || report.hasErrors()) return result(report, kind, null);
            return result(report, kind, s);
        } catch (StackOverflowError | OutOfMemoryError e) {
            report.error("RAP101", 0, 0, "The file is nested too deeply or too large to import.");
            return result(report, kind, null);
        } catch (RuntimeException e) {
            report.error("RAP101", 0, 0, "The file could not be read as " + kind + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + ".");
            return result(report, kind, null);
        }
    }

    private Scenario text(String name, byte[] bytes, String kind, ImportReport report) {
        String text = decode(bytes, report);
        if (text == null) return null;
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return switch (kind) {
            case "twee" -> {
                String t = text.replace("\r\n", "\n").replace('\r', '\n');
                TwineStory st = TweeReader.read(t, report);
                yield st == null ? null : TwineMapper.map(st, report, convention, base(name));
            }
            case "twine-html" -> {
                TwineStory st = TwineHtmlReader.read(text, report);
                yield st == null ? null : TwineMapper.map(st, report, convention, base(name));
            }
            case "h5p-content" -> H5pImporter.fromContent(null, text, report, base(name));
            case "ink" -> InkImporter.read(text, report, convention, base(name));
            case "yarn" -> YarnImporter.read(text.replace("\r\n", "\n").replace('\r', '\n'), report, convention, base(name));
            default -> {
                report.error("RAP100", 0, 0, "Not a file Rapport can import: expected Twee (.twee, .tw), Twine 2 HTML, an H5P "
                        + "Branching Scenario (.h5p or content.json), compiled ink JSON (.ink.json) or Yarn Spinner 2 (.yarn).");
                yield null;
            }
        };
    }

    /** What the file is, from its first bytes, else its name. */
    static String kind(String name, byte[] bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (bytes.length == 0) return "empty";
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && (bytes[2] == 3 || bytes[2] == 5)) return "h5p";
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
        if (head.startsWith("\uFEFF")) head = head.substring(1);
        String trimmed = head.stripLeading();
        if (trimmed.startsWith("{")) {
            String all = bytes.length <= 4096 ? head : new String(bytes, StandardCharsets.UTF_8);
            if (all.contains("\"inkVersion\"")) return "ink";
            if (all.contains("\"branchingScenario\"")) return "h5p-content";
        }
        if (trimmed.startsWith("::")) return "twee";
        if (lower.endsWith(".yarn") || looksLikeYarn(head)) return "yarn";
        if (lower.endsWith(".html") || lower.endsWith(".htm") || head.contains("<tw-storydata")
                || new String(bytes, StandardCharsets.UTF_8).contains("<tw-storydata")) return "twine-html";
        if (lower.endsWith(".twee") || lower.endsWith(".tw") || lower.endsWith(".tw2") || lower.endsWith(".twee2")) return "twee";
        if (lower.endsWith(".ink")) return "ink-source";
        if (lower.endsWith(".h5p")) return "h5p";
        if (lower.endsWith(".json")) return lower.endsWith("content.json") ? "h5p-content" : "ink";
        return "unknown";
    }

    private static final java.util.regex.Pattern YARN_TITLE = java.util.regex.Pattern.compile("(?m)^[ \\t]*title[ \\t]*:.*\\R(?:[ \\t]*[\\p{L}_][\\p{L}\\p{N}_.]*[ \\t]*:.*\\R)*[ \\t]*---[ \\t]*\\R");

    /** A Yarn node's header near the top: a "title:" line, maybe more headers, then "---". */
    private static boolean looksLikeYarn(String head) {
        return YARN_TITLE.matcher(head).find();
    }

    /** Strict UTF-8; a bad byte is a located error. */
    static String decode(byte[] bytes, ImportReport report) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes);
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int col = before.length() - before.lastIndexOf('\n');
            report.error("RAP101", line, col, String.format(Locale.ROOT, "The file is not UTF-8 text: byte 0x%02X cannot start or "
                    + "continue a character. Save it as UTF-8 and import it again.", bytes[bad] & 0xFF));
            return null;
        }
    }

    /** The index of the first byte that is not part of a well-formed UTF-8 character. */
    private static int firstBadByte(byte[] bytes) {
        var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
        while (true) {
            var res = dec.decode(in, out, true);
            if (res.isError()) return Math.min(in.position(), bytes.length - 1);
            if (res.isOverflow()) {
                out.clear();
                continue;
            }
            return Math.max(0, bytes.length - 1);
        }
    }

    private ImportResult result(ImportReport report, String kind, Scenario s) {
        if (s == null) return new ImportResult(report.file(), kind, null, report.diagnostics(), 0, 0, 0);
        return new ImportResult(report.file(), kind, ScenarioWriter.write(s), report.diagnostics(), s.nodes.size(), s.replies(), s.endings());
    }

    /** The file's name without folders and extensions: a fallback for the dialogue id. */
    static String base(String name) {
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    Catalog catalog() {
        return catalog;
    }
}
