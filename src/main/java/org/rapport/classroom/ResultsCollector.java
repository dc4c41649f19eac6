package org.rapport.classroom;

import org.rapport.catalog.Catalog;
import org.rapport.classroom.HistoryReader.ResultAttempt;
import org.rapport.classroom.HistoryReader.TraineeHistory;
import org.rapport.format.DialogueReader;
import org.rapport.store.HistoryFile;
import org.rapport.store.Store;
import org.rapport.store.Trainee;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Collects a class's results from a folder of trainees' exported history files (a shared drive, a USB stick). Only
 * files directly in the folder are read. Whatever is wrong with a file is reported and the file (or the attempt)
 * skipped; nothing in the folder can stop the report:
 * <ul>
 *   <li>oddly named files (hidden, control characters, very long names, not {@code .json}), links and sub-folders;</li>
 *   <li>huge files (over {@link HistoryFile#MAX_BYTES}, or the limit given) and more than {@value #MAX_FILES} files;</li>
 *   <li>malformed files: not JSON, not a history, another format, attempts that do not fit their dialogue;</li>
 *   <li>files of a trainee who is not in the class;</li>
 *   <li>duplicates: the same file twice, or a file whose every attempt another file already gave;</li>
 *   <li>attempts at dialogues the class is not assigned.</li>
 * </ul>
 */
public final class ResultsCollector {
    public static final int MAX_FILES = 2000;
    public static final int MAX_NAME = 120;

    private final Catalog catalog;
    private final long maxBytes;
    private final Map<String, String> reference;

    public ResultsCollector(Catalog catalog) {
        this(catalog, HistoryFile.MAX_BYTES);
    }

    public ResultsCollector(Catalog catalog, long maxBytes) {
        this(catalog, maxBytes, null);
    }

    private ResultsCollector(Catalog catalog, long maxBytes, Map<String, String> reference) {
        this.catalog = catalog;
        this.maxBytes = maxBytes;
        this.reference = reference == null ? null : Map.copyOf(reference);
    }

    /**
     * The same collector, checking every attempt against the facilitator's own copies of the dialogues (dialogue id to
     * the SHA-256 of the file's bytes). An exported history carries the dialogue it was played on, and a trainee can
     * edit that copy (every grade "best", say); an attempt whose copy is not byte-for-byte the class's own is listed as
     * "does not match this class's dialogue" and never scored. Without a reference, attempts are scored on the copy
     * they carry.
     */
    public ResultsCollector checkedAgainst(Map<String, String> contentHashById) {
        return new ResultsCollector(catalog, maxBytes, contentHashById);
    }

    /** A file left out entirely, and why. */
    public record Skipped(String file, String reason) {
    }

    /** A file that was used, whose trainee it gave, how many attempts counted, and what in it was left out. */
    public record Used(String file, String trainee, int attempts, List<String> notes) {
    }

    /** What the folder gave: every class attempt by trainee (roster names, roster order), and the file-by-file account. */
    public record ClassResults(ClassRoster roster, Map<String, List<ResultAttempt>> attempts, List<Used> used, List<Skipped> skipped) {
        public List<ResultAttempt> all() {
            return attempts.values().stream().flatMap(List::stream).toList();
        }

        public boolean hasResults(String trainee) {
            return !attempts.getOrDefault(trainee, List.of()).isEmpty();
        }
    }

    public ClassResults collect(Path folder, ClassRoster roster) throws IOException {
        if (!Files.isDirectory(folder)) throw new IOException(folder + " is not a folder.");
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        Gathering g = new Gathering(roster);
        int considered = 0;
        for (Path f : files) {
            String name = printable(f.getFileName().toString());
            if (Files.isSymbolicLink(f)) {
                g.skip(name, "it is a link; only files directly in the folder are read");
                continue;
            }
            if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
                g.skip(name, "it is a folder; only files directly in the folder are read");
                continue;
            }
            String odd = oddName(f.getFileName().toString());
            if (odd != null) {
                g.skip(name, odd);
                continue;
            }
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                g.skip(name, "it is not a regular file");
                continue;
            }
            if (++considered > MAX_FILES) {
                g.skip(name, "the folder has more than " + MAX_FILES + " files; the rest were not read");
                break;
            }
            byte[] bytes;
            try {
                if (Files.size(f) > maxBytes) {
                    g.skip(name, "it is " + mib(Files.size(f)) + ", over the " + mib(maxBytes) + " a history file can be");
                    continue;
                }
                try (InputStream in = Files.newInputStream(f)) {
                    bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
                }
                if (bytes.length > maxBytes) {
                    g.skip(name, "it is over the " + mib(maxBytes) + " a history file can be");
                    continue;
                }
            } catch (IOException e) {
                g.skip(name, "it cannot be read (" + e.getMessage() + ")");
                continue;
            }
            g.offer(name, bytes);
        }
        return g.results();
    }

    /**
     * Collects a class's results live from the department's shared store (PostgreSQL; any {@link Store} works): every
     * trainee of the class found there by name, with every finished attempt, read through the same checks as a history
     * file. Trainees in the store who are not in the class are left alone; a trainee whose attempts cannot be read is
     * reported and skipped.
     */
    public ClassResults collect(Store store, ClassRoster roster, long now) {
        Gathering g = new Gathering(roster);
        // Profiles are told apart by their id: two whose names both match one trainee of the class ("Ana" and "ana")
        // are never merged, and neither is counted until one is renamed, so nobody's replies count as someone else's.
        Map<String, List<Trainee>> byClassName = new LinkedHashMap<>();
        java.util.function.Function<String, java.util.Optional<String>> inClass = roster.finder();
        List<Trainee> profiles = store.trainees();
        for (Trainee t : profiles) inClass.apply(t.name()).ifPresent(n -> byClassName.computeIfAbsent(n, k -> new ArrayList<>()).add(t));
        Set<String> ambiguous = new LinkedHashSet<>();
        byClassName.forEach((n, ts) -> {
            if (ts.size() < 2) return;
            List<String> names = ts.stream().map(t -> "\"" + printable(t.name()) + "\"").toList();
            for (Trainee t : ts) ambiguous.add(t.id());
            g.skip("shared store: " + printable(n), "two profiles, " + String.join(" and ", names) + ", both match " + n
                    + " in the class; neither is counted until one is renamed");
        });
        // Straight from the rows: each dialogue text fetched and parsed once for the whole class, each attempt replayed on it.
        Map<String, org.rapport.model.Dialogue> dialogues = new HashMap<>();
        for (Trainee t : profiles) {
            if (inClass.apply(t.name()).isEmpty() || ambiguous.contains(t.id())) continue;
            String name = "shared store: " + printable(t.name());
            List<ResultAttempt> attempts = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            List<Store.Replies> rows;
            try {
                rows = store.finishedReplies(t.id());
            } catch (RuntimeException e) {
                g.skip(name, "their attempts could not be read from the store (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
                continue;
            }
            int n = 0;
            for (Store.Replies r : rows) {
                n++;
                try {
                    attempts.add(fromRows(store, t, r, dialogues));
                } catch (RuntimeException e) {
                    problems.add("attempt " + n + " left out: " + (e.getMessage() == null ? "it cannot be replayed on its dialogue" : e.getMessage()));
                }
            }
            attempts.sort(Comparator.comparingLong(ResultAttempt::finished).reversed());
            g.offer(name, new TraineeHistory(t.name(), now, attempts, problems));
        }
        return g.results();
    }

    /** The results gathered so far, file by file (or trainee by trainee from a store), with the duplicate checks. */
    private final class Gathering {
        private final ClassRoster roster;
        private final java.util.function.Function<String, java.util.Optional<String>> inClass;
        private final Map<String, List<ResultAttempt>> byTrainee = new LinkedHashMap<>();
        private final Map<String, String> keyFrom = new HashMap<>();       // attempt key -> file that gave it
        private final Map<String, String> fileHashes = new HashMap<>();    // content hash -> file
        private final List<Used> used = new ArrayList<>();
        private final List<Skipped> skipped = new ArrayList<>();

        Gathering(ClassRoster roster) {
            this.roster = roster;
            this.inClass = roster.finder();
            for (String t : roster.trainees()) byTrainee.put(t, new ArrayList<>());
        }

        void skip(String name, String reason) {
            skipped.add(new Skipped(name, reason));
        }

        ClassResults results() {
            byTrainee.values().forEach(l -> l.sort(Comparator.comparingLong(ResultAttempt::finished).reversed().thenComparing(ResultAttempt::key)));
            return new ClassResults(roster, byTrainee, used, skipped);
        }

        void offer(String name, byte[] bytes) {
            String hash = DialogueReader.sha256(bytes);
            String same = fileHashes.putIfAbsent(hash, name);
            if (same != null) {
                skip(name, "duplicate: the same file as " + same);
                return;
            }
            TraineeHistory h;
            try {
                h = HistoryReader.read(bytes, catalog);
            } catch (IllegalArgumentException e) {
                skip(name, "malformed: " + e.getMessage());
                return;
            } catch (RuntimeException | StackOverflowError e) {
                skip(name, "malformed: it cannot be read as a history file");
                return;
            }
            offer(name, h);
        }

        void offer(String name, TraineeHistory h) {
            String trainee = inClass.apply(h.trainee()).orElse(null);
            if (trainee == null) {
                skip(name, "unknown trainee: " + printable(h.trainee()) + " is not in " + roster.name());
                return;
            }
            List<String> notes = new ArrayList<>(h.problems());
            Map<String, Integer> otherDialogues = new LinkedHashMap<>();
            Map<String, Integer> mismatched = new LinkedHashMap<>();
            int added = 0;
            int already = 0;
            Set<String> alreadyFrom = new LinkedHashSet<>();
            for (ResultAttempt a : h.attempts()) {
                if (!roster.assigned(a.dialogue().id())) {
                    otherDialogues.merge(a.dialogue().title(), 1, Integer::sum);
                    continue;
                }
                if (reference != null && !a.contentHash().equals(reference.get(a.dialogue().id()))) {
                    mismatched.merge(a.dialogue().title(), 1, Integer::sum);
                    continue;
                }
                String from = keyFrom.putIfAbsent(a.key(), name);
                if (from != null) {
                    already++;
                    alreadyFrom.add(from);
                    continue;
                }
                byTrainee.get(trainee).add(a);
                added++;
            }
            if (!otherDialogues.isEmpty()) {
                List<String> parts = otherDialogues.entrySet().stream().map(e -> "\"" + e.getKey() + "\" (" + e.getValue() + ")").toList();
                notes.add("attempts at dialogues the class is not assigned were left out: " + String.join(", ", parts));
            }
            if (!mismatched.isEmpty()) notes.add(mismatch(mismatched));
            if (already > 0 && added > 0) notes.add(already + " attempts already came from " + String.join(", ", alreadyFrom));
            if (added == 0) {
                String why;
                if (!mismatched.isEmpty()) why = mismatch(mismatched);
                else if (already > 0) why = "duplicate: every attempt in it already came from " + String.join(", ", alreadyFrom);
                else if (!otherDialogues.isEmpty()) why = "dialogue not in the class: it has no attempt at a dialogue " + roster.name() + " is assigned";
                else if (!h.problems().isEmpty()) why = "malformed: none of its attempts could be read (" + h.problems().get(0) + ")";
                else why = "it has no finished attempts";
                skip(name, why);
                return;
            }
            used.add(new Used(name, trainee, added, notes));
        }
    }

    /** One stored attempt as a result: its dialogue parsed once per content hash, its replies replayed on it. */
    private ResultAttempt fromRows(Store store, Trainee t, Store.Replies r, Map<String, org.rapport.model.Dialogue> dialogues) {
        var s = r.summary();
        org.rapport.model.Dialogue d = dialogues.get(s.contentHash());
        if (d == null) {
            byte[] bytes = store.snapshot(s.contentHash()).orElseThrow(() -> new IllegalArgumentException("its dialogue's text is missing"));
            var read = new DialogueReader().read(s.dialogueId() + ".json", bytes);
            if (read.dialogue() == null || read.diagnostics().stream().anyMatch(org.rapport.diag.Diagnostic::isError)) {
                throw new IllegalArgumentException("the stored copy of its dialogue is damaged");
            }
            d = read.dialogue();
            dialogues.put(s.contentHash(), d);
        }
        org.rapport.engine.Playthrough p = org.rapport.engine.Playthrough.startAt(d, r.startNode(), r.startMood(), r.seed());
        for (org.rapport.engine.Decision dec : r.decisions()) {
            if (p.ended() || !p.current().id().equals(dec.nodeId())) throw new IllegalArgumentException("its replies do not fit its dialogue");
            p.chooseIndex(dec.chosen(), Math.max(0, dec.millis()));
        }
        if (!p.ended()) throw new IllegalArgumentException("it never reached an ending");
        var transcript = p.transcript();
        return new ResultAttempt(s.id(), t.name(), d, s.contentHash(), org.rapport.engine.Mode.known(s.mode()) ? s.mode() : "assessment",
                s.started(), s.finished(), transcript, org.rapport.engine.Debrief.of(d, transcript, catalog));
    }

    /** Says which attempts were not scored because the dialogue they carry is not the class's. */
    private static String mismatch(Map<String, Integer> byTitle) {
        List<String> parts = byTitle.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\"" + (e.getValue() == 1 ? "" : " (" + e.getValue() + " attempts)")).toList();
        return MISMATCH + ": the copy of " + String.join(", ", parts) + " in it differs from the class's, so "
                + (byTitle.values().stream().mapToInt(Integer::intValue).sum() == 1 ? "that attempt is" : "those attempts are") + " not scored";
    }

    /** The words every report uses for an attempt played on a dialogue that is not the class's own. */
    public static final String MISMATCH = "does not match this class's dialogue";

    /** Who and what a folder of history files holds: trainee names and dialogues played, in the order first seen. */
    public record Survey(List<String> trainees, List<ClassRoster.Assigned> dialogues, List<Skipped> skipped) {
    }

    /**
     * Reads a folder of history files to start a class from it: every trainee who sent a readable file, and every
     * dialogue they played. Files that cannot be read are skipped and listed.
     */
    public Survey survey(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) throw new IOException(folder + " is not a folder.");
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.sorted(Comparator.comparing(p -> p.getFileName().toString())).limit(MAX_FILES).toList();
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, ClassRoster.Assigned> dialogues = new LinkedHashMap<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path f : files) {
            String name = printable(f.getFileName().toString());
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) || oddName(f.getFileName().toString()) != null) {
                skipped.add(new Skipped(name, "not a history file"));
                continue;
            }
            try {
                if (Files.size(f) > maxBytes) {
                    skipped.add(new Skipped(name, "too large to be a history file"));
                    continue;
                }
                TraineeHistory h = HistoryReader.read(Files.readAllBytes(f), catalog);
                names.putIfAbsent(ClassRoster.key(h.trainee()), h.trainee());
                for (ResultAttempt a : h.attempts()) {
                    dialogues.putIfAbsent(a.dialogue().id(), new ClassRoster.Assigned(a.dialogue().id(), a.dialogue().title()));
                }
            } catch (IOException | RuntimeException e) {
                skipped.add(new Skipped(name, "malformed: " + (e.getMessage() == null ? "unreadable" : e.getMessage())));
            }
        }
        return new Survey(List.copyOf(names.values()), List.copyOf(dialogues.values()), skipped);
    }

    /** Why a file name is odd, or null when it is an ordinary {@code .json} name. */
    static String oddName(String name) {
        if (name.length() > MAX_NAME) return "odd name: longer than " + MAX_NAME + " characters";
        if (name.startsWith(".")) return "odd name: a hidden file";
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || c == '\u202e' || c == '\u202d' || Character.getType(c) == Character.FORMAT) {
                return "odd name: it contains control or invisible characters";
            }
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith(".json")) return "not a .json file";
        return null;
    }

    /** A name safe to show: control and invisible characters replaced, and cut at a readable length. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(MAX_NAME).forEach(c -> b.appendCodePoint(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c));
        return s.codePointCount(0, s.length()) > MAX_NAME ? b + "…" : b.toString();
    }

    private static String mib(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0) : String.format(Locale.ROOT, "%d KB", Math.max(1, bytes / 1024));
    }
}
