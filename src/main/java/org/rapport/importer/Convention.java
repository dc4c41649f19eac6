package org.rapport.importer;

import org.rapport.catalog.Catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rapport's tag convention (docs/import.md), the same words in every format: {@code grade:best}, {@code mood:+2},
 * {@code outcome:won}, {@code emotion:angry}, a catalog step or technique id ({@code apology.own}: a node's
 * {@code tests}, a reply's {@code uses}), a pitfall id ({@code pitfall.minimize}), and text fields where a format
 * has room for text ({@code why: ...}, {@code summary: ...}). The story-level keys ({@code customer:},
 * {@code persona:}, {@code difficulty:} ...) fill the top of the dialogue.
 */
public final class Convention {
    public static final Set<String> GRADES = Set.of("best", "good", "weak", "harmful");
    public static final Set<String> OUTCOMES = Set.of("won", "kept", "lost");
    public static final Set<String> DIFFICULTIES = Set.of("beginner", "intermediate", "advanced");
    /** Keys whose value is free text. */
    public static final Set<String> TEXT_KEYS = Set.of("why", "summary", "note", "title", "emotion", "customer", "persona",
            "setting", "objective", "may-do", "may-not-do", "difficulty", "minutes", "mood", "grade", "outcome", "tag");
    private static final Pattern MOOD = Pattern.compile("[+-]?\\d{1,2}");

    private final Catalog catalog;

    public Convention(Catalog catalog) {
        this.catalog = catalog;
    }

    /** What a list of tags says under the convention; {@code others} holds the tags it does not know. */
    public static final class Tags {
        /**
         * Puts what these tags say about a reply on it: its grade and mood, and its steps and pitfalls when the tags
         * say anything about the reply at all (an untagged reply keeps them missing, so validate lists them).
         */
        void applyTo(Scenario.Reply r) {
            r.grade = grade;
            r.mood = mood;
            if (grade != null || !steps.isEmpty() || !pitfalls.isEmpty()) {
                r.uses = java.util.List.copyOf(steps);
                r.pitfalls = java.util.List.copyOf(pitfalls);
            }
        }

        public String grade;
        public Integer mood;
        public String outcome;
        public String emotion;
        public String why;
        public String summary;
        public String note;
        public String title;
        public final List<String> steps = new ArrayList<>();
        public final List<String> pitfalls = new ArrayList<>();
        public final List<String> others = new ArrayList<>();
        /** Values the convention knows the key of but not the value ({@code grade:great}), as messages. */
        public final List<String> problems = new ArrayList<>();

        /** True when any tag is one a reply takes: a grade, a mood change, a step or a pitfall. */
        public boolean saysReply() {
            return grade != null || mood != null || !steps.isEmpty() || !pitfalls.isEmpty();
        }
    }

    public Tags read(List<String> tags) {
        Tags t = new Tags();
        for (String raw : tags) {
            String tag = raw.strip();
            if (tag.isEmpty()) continue;
            int colon = tag.indexOf(':');
            String key = colon < 0 ? tag : tag.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : tag.substring(colon + 1).strip();
            if (colon > 0 && apply(t, key, value)) continue;
            String id = tag.toLowerCase(Locale.ROOT);
            if (catalog.isPitfall(id)) t.pitfalls.add(id);
            else if (catalog.isStep(id) || catalog.isTechnique(id)) t.steps.add(id);
            else t.others.add(tag);
        }
        return t;
    }

    /** Applies one {@code key:value}; false when the key is not the convention's. */
    private boolean apply(Tags t, String key, String value) {
        switch (key) {
            case "grade" -> {
                String g = value.toLowerCase(Locale.ROOT);
                if (GRADES.contains(g)) t.grade = g;
                else t.problems.add("\"grade:" + value + "\" is not a grade; use best, good, weak or harmful");
            }
            case "mood" -> {
                Integer m = mood(value);
                if (m != null) t.mood = m;
                else t.problems.add("\"mood:" + value + "\" is not a mood change; use a whole number from -5 to +5, e.g. mood:+2");
            }
            case "outcome" -> {
                String o = value.toLowerCase(Locale.ROOT);
                if (OUTCOMES.contains(o)) t.outcome = o;
                else t.problems.add("\"outcome:" + value + "\" is not an outcome; use won, kept or lost");
            }
            case "emotion" -> t.emotion = value.isEmpty() ? null : value;
            case "why" -> t.why = value.isEmpty() ? null : value;
            case "summary" -> t.summary = value.isEmpty() ? null : value;
            case "note" -> t.note = value.isEmpty() ? null : value;
            case "title" -> t.title = value.isEmpty() ? null : value;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A mood from {@code +2}, {@code -3} or {@code 0}, within -5..5; else null. */
    public static Integer mood(String value) {
        String v = value.strip();
        if (!MOOD.matcher(v).matches()) return null;
        int m = Integer.parseInt(v.startsWith("+") ? v.substring(1) : v);
        return m < -5 || m > 5 ? null : m;
    }

    /**
     * Story-level settings from {@code key: value} lines (a Twine passage tagged {@code rapport}, ink global tags):
     * customer, persona, mood, difficulty, minutes, setting, summary, objective, may-do, may-not-do, tag. Returns the
     * problems found, as messages with the 0-based index of the line they are on.
     */
    public List<String> applyStory(Scenario s, String key, String value) {
        List<String> problems = new ArrayList<>();
        String k = key.strip().toLowerCase(Locale.ROOT);
        String v = value.strip();
        if (v.isEmpty()) return problems;
        switch (k) {
            case "customer", "name" -> s.customerName = v;
            case "persona" -> s.persona = v;
            case "mood" -> {
                Integer m = mood(v);
                if (m != null) s.customerMood = m;
                else problems.add("\"mood: " + v + "\" is not a starting mood; use a whole number from -5 to +5");
            }
            case "difficulty" -> {
                String d = v.toLowerCase(Locale.ROOT);
                if (DIFFICULTIES.contains(d)) s.difficulty = d;
                else problems.add("\"difficulty: " + v + "\" is not a difficulty; use beginner, intermediate or advanced");
            }
            case "minutes" -> {
                Matcher m = Pattern.compile("\\d{1,3}").matcher(v);
                if (m.matches() && Integer.parseInt(v) >= 1 && Integer.parseInt(v) <= 240) s.minutes = Integer.parseInt(v);
                else problems.add("\"minutes: " + v + "\" is not a number of minutes from 1 to 240");
            }
            case "setting" -> s.setting = v;
            case "summary" -> s.summary = v;
            case "title" -> s.title = v;
            case "objective" -> s.objectives.add(v);
            case "may-do" -> s.mayDo.add(v);
            case "may-not-do" -> s.mayNotDo.add(v);
            case "tag" -> {
                if (!s.tags.contains(v)) s.tags.add(v);
            }
            default -> problems.add("\"" + key.strip() + "\" is not a story setting of the convention (customer, persona, mood, "
                    + "difficulty, minutes, setting, summary, title, objective, may-do, may-not-do, tag)");
        }
        return problems;
    }
}
