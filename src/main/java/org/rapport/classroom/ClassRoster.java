package org.rapport.classroom;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A class: a name, its trainees (by the names they use in Rapport) and the dialogues assigned to it. Titles are kept
 * with the ids so a report reads well even for a dialogue nobody has played yet.
 */
public record ClassRoster(String id, String name, List<String> trainees, List<Assigned> dialogues, long created, String xapiBase) {
    public static final int MAX_TRAINEES = 5000;

    /** A class without an xAPI address yet. */
    public ClassRoster(String id, String name, List<String> trainees, List<Assigned> dialogues, long created) {
        this(id, name, trainees, dialogues, created, null);
    }

    /** A dialogue assigned to the class. */
    public record Assigned(String id, String title) {
    }

    public ClassRoster {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("A class needs a name.");
        name = name.strip();
        if (name.length() > 120) throw new IllegalArgumentException("A class name can be at most 120 characters.");
        Map<String, String> unique = new LinkedHashMap<>();
        for (String t : trainees) {
            if (t == null || t.isBlank()) continue;
            String clean = t.strip().replaceAll("\\s+", " ");
            if (clean.length() > 80) throw new IllegalArgumentException("A trainee's name can be at most 80 characters: " + clean.substring(0, 40) + "…");
            unique.putIfAbsent(key(clean), clean);
        }
        if (unique.size() > MAX_TRAINEES) throw new IllegalArgumentException("A class can have at most " + MAX_TRAINEES + " trainees.");
        trainees = List.copyOf(unique.values());
        Map<String, Assigned> ds = new LinkedHashMap<>();
        for (Assigned a : dialogues) ds.putIfAbsent(a.id(), a);
        dialogues = List.copyOf(ds.values());
        xapiBase = xapiBase(xapiBase);
    }

    /**
     * The department's own address under which xAPI statements name the class, its dialogues and its trainees' accounts
     * (e.g. {@code https://learning.example.org/rapport/}): an absolute http or https address, kept ending in "/";
     * null or blank for none.
     */
    static String xapiBase(String base) {
        if (base == null || base.isBlank()) return null;
        String b = base.strip();
        java.net.URI u;
        try {
            u = new java.net.URI(b);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("The xAPI address \"" + b + "\" is not a web address.");
        }
        if (!u.isAbsolute() || u.getHost() == null || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()))
                || u.getQuery() != null || u.getFragment() != null) {
            throw new IllegalArgumentException("The xAPI address must be an http or https address of your department's, such as"
                    + " https://learning.example.org/rapport/, not \"" + b + "\".");
        }
        return b.endsWith("/") ? b : b + "/";
    }

    /** The form of a name used to match it: trimmed, single spaces, case and accents folded ("José  Lima" = "jose lima"). */
    public static String key(String name) {
        String n = MARKS.matcher(Normalizer.normalize(SPACES.matcher(name.strip()).replaceAll(" "), Normalizer.Form.NFD)).replaceAll("");
        return n.toLowerCase(Locale.ROOT);
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");

    /** The trainee's name as written in the class, for a name as written in a history file. */
    public Optional<String> trainee(String nameInFile) {
        return finder().apply(nameInFile);
    }

    /**
     * {@link #trainee} for many names: the class's names are keyed once, so looking up every profile of a store or
     * every history file is linear in their number, not in their number times the class's size.
     */
    public java.util.function.Function<String, Optional<String>> finder() {
        Map<String, String> byKey = new java.util.HashMap<>();
        for (String t : trainees) byKey.putIfAbsent(key(t), t);
        return nameInFile -> Optional.ofNullable(byKey.get(key(nameInFile)));
    }

    public boolean assigned(String dialogueId) {
        return dialogues.stream().anyMatch(a -> a.id().equals(dialogueId));
    }

    public List<String> dialogueIds() {
        return dialogues.stream().map(Assigned::id).toList();
    }

    public ClassRoster withName(String n) {
        return new ClassRoster(id, n, trainees, dialogues, created, xapiBase);
    }

    public ClassRoster withTrainees(List<String> t) {
        return new ClassRoster(id, name, t, dialogues, created, xapiBase);
    }

    public ClassRoster withDialogues(List<Assigned> d) {
        return new ClassRoster(id, name, trainees, d, created, xapiBase);
    }

    public ClassRoster withXapiBase(String base) {
        return new ClassRoster(id, name, trainees, dialogues, created, base);
    }

    /** A file-safe id from a name: "Week 12 — new hires" gives "week-12-new-hires". */
    public static String slug(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > 48) s = s.substring(0, 48).replaceAll("-+$", "");
        return s.isEmpty() ? "class" : s;
    }

    /** Names from a list typed one per line (or separated by commas or semicolons), blanks dropped. */
    public static List<String> parseNames(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split("[\\r\\n,;]+")) if (!part.isBlank()) out.add(part.strip());
        return out;
    }
}
