package org.rapport.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dialogue as an importer builds it: every field that a source carries, and nothing else. A field left null is
 * left out of the written file, so that {@code validate} lists it (RAP011) as the author's to-do; nothing gets a
 * default. Mutable, used by one importer on one thread.
 */
public final class Scenario {
    public String id;
    public String title;
    public String summary;
    public String difficulty;
    public Integer minutes;
    public final List<String> tags = new ArrayList<>();
    public String customerName;
    public String persona;
    public Integer customerMood;
    public String setting;
    public final List<String> objectives = new ArrayList<>();
    public final List<String> mayDo = new ArrayList<>();
    public final List<String> mayNotDo = new ArrayList<>();
    public String start;
    /** Keyed by node id, in the order the source has them. */
    public final Map<String, Node> nodes = new LinkedHashMap<>();

    public static final class Node {
        public String say;
        public String emotion;
        public String note;
        /** Null when the source names no step: left out (a to-do). */
        public List<String> tests;
        /** Null for an ending. */
        public List<Reply> choices;
        public String outcome;
        public String endingTitle;
        public String endingSummary;

        public boolean isEnding() {
            return choices == null;
        }
    }

    public static final class Reply {
        public String say;
        public String grade;
        public List<String> uses;
        public List<String> pitfalls;
        public Integer mood;
        public String why;
        public String next;
    }

    public int replies() {
        return nodes.values().stream().mapToInt(n -> n.choices == null ? 0 : n.choices.size()).sum();
    }

    public int endings() {
        return (int) nodes.values().stream().filter(Node::isEnding).count();
    }
}
