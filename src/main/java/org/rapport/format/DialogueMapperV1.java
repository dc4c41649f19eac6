package org.rapport.format;

import org.rapport.diag.Diagnostic;
import org.rapport.diag.Position;
import org.rapport.diag.Severity;
import org.rapport.diag.SourceMap;
import org.rapport.format.json.JsonValue;
import org.rapport.format.json.StrictJsonParser;
import org.rapport.format.json.JsonValue.JArray;
import org.rapport.format.json.JsonValue.JNumber;
import org.rapport.format.json.JsonValue.JObject;
import org.rapport.format.json.JsonValue.JString;
import org.rapport.format.json.JsonValue.Member;
import org.rapport.model.Choice;
import org.rapport.model.Customer;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.Difficulty;
import org.rapport.model.Ending;
import org.rapport.model.EndingNode;
import org.rapport.model.Grade;
import org.rapport.model.Mood;
import org.rapport.model.Node;
import org.rapport.model.Outcome;
import org.rapport.model.Prebrief;
import org.rapport.model.Route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps the JSON tree of a format-1 file to the domain model. The only class that knows both. It reports wrong types,
 * missing and unknown fields and bad values, and still builds as much of the dialogue as it can so that the checks
 * can report everything else in the same pass.
 */
final class DialogueMapperV1 {
    static final int FORMAT = 1;

    private static final List<String> TOP = List.of("$schema", "format", "id", "title", "summary", "difficulty",
            "minutes", "tags", "customer", "setting", "prebrief", "start", "nodes");
    private static final List<String> PREBRIEF = List.of("objectives", "mayDo", "mayNotDo");
    private static final List<String> CUSTOMER = List.of("name", "persona", "mood");
    private static final List<String> DECISION = List.of("say", "emotion", "note", "tests", "choices");
    private static final List<String> ENDING_NODE = List.of("say", "emotion", "note", "ending");
    private static final List<String> ENDING = List.of("outcome", "title", "summary");
    private static final List<String> CHOICE = List.of("say", "grade", "uses", "pitfalls", "mood", "why", "next");
    private static final List<String> ROUTE = List.of("moodAtMost", "moodAtLeast", "to");

    /** Every field name the mapper looks up, for the parser to hand back as these very strings (see StrictJsonParser). */
    static final List<String> NAMES = java.util.stream.Stream.of(TOP, PREBRIEF, CUSTOMER, DECISION, ENDING_NODE, ENDING, CHOICE, ROUTE)
            .flatMap(List::stream).distinct().toList();

    private final String file;
    private final SourceMap sourceMap;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> declaredNodeIds = new LinkedHashSet<>();
    /** Where error() and warning() write: the diagnostics, or the streamed nodes' own list while one is mapped. */
    private List<Diagnostic> out = diagnostics;
    /** The nodes handed over by the parser as it read them (see {@link #nodeStream}), or null if none were. */
    private Streamed streamed;

    /** What the parser's stream of the "nodes" object gave, kept apart until {@link #map} knows the file is format 1. */
    private static final class Streamed {
        final Map<String, Node> nodes = new LinkedHashMap<>();
        /** Where each node id is first declared (the key's place only: its node's tree must not stay in memory). */
        final Map<String, Long> first = new LinkedHashMap<>();
        final List<Member> duplicates = new ArrayList<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();
    }

    DialogueMapperV1(String file) {
        this(file, new SourceMap());
    }

    /** A mapper that records where each part is in {@code sourceMap} (which may be one that records nothing). */
    DialogueMapperV1(String file, SourceMap sourceMap) {
        this.file = file;
        this.sourceMap = sourceMap;
    }

    /**
     * Maps each node as the parser reads it (StrictJsonParser's stream of the top-level "nodes" object), so that a
     * node's JSON tree is dropped as soon as its model is built, instead of the whole file's tree being kept until
     * {@link #map}. The nodes, their diagnostics and repeats are the same, in the same order, as mapping the tree.
     */
    StrictJsonParser.ObjectStream nodeStream() {
        return new StrictJsonParser.ObjectStream() {
            @Override
            public void begin(long at) {
                streamed = new Streamed();
            }

            @Override
            public void member(Member m) {
                if (streamed.first.putIfAbsent(m.key(), m.keyAt()) != null) {
                    streamed.duplicates.add(m); // the first one stays in force, as in the tree
                    return;
                }
                out = streamed.diagnostics;
                try {
                    Node node = nodeMember(m);
                    if (node != null) streamed.nodes.put(m.key(), node);
                } finally {
                    out = diagnostics;
                }
            }
        };
    }

    SourceMap sourceMap() {
        return sourceMap;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    Set<String> declaredNodeIds() {
        return declaredNodeIds;
    }

    /** The dialogue, or null when the file is not a format-1 dialogue at all. */
    Dialogue map(JsonValue root) {
        sourceMap.put("", root.at());
        if (!(root instanceof JObject top)) {
            error("RAP010", root.pos(), "A dialogue file holds one JSON object ({ ... }), but this file holds " + root.typeName() + ".", null);
            return null;
        }
        duplicates(top, "", null);
        JsonValue format = top.get("format");
        if (format == null) {
            error("RAP011", top.pos(), "Missing \"format\". Add \"format\": 1 at the top so Rapport knows which version of the format this file uses.", null);
        } else {
            Long v = format instanceof JNumber n ? n.asLong() : null;
            if (v == null || v != FORMAT) {
                String shown = format instanceof JNumber n ? shorten(n.raw()) : format.typeName();
                error("RAP013", format.pos(), "Unknown format version " + shown + ". This version of Rapport reads \"format\": 1"
                        + (v != null && v > FORMAT ? "; the file may come from a newer Rapport." : "."), null);
                return null;
            }
        }
        unknownFields(top, TOP, "", null);
        String id = requiredString(top, "id", "");
        if (id != null && !isKebab(id)) {
            error("RAP014", top.get("id").pos(), "The id \"" + id + "\" must be kebab-case: lower-case letters and digits joined by '-', e.g. \"refund-on-hold\".", null);
        }
        String title = requiredText(top, "title", "", null, "Give the dialogue a short title, as the library shows it.");
        String summary = requiredText(top, "summary", "", null, "Write one or two sentences: the situation, and what the trainee must do.");
        Difficulty difficulty = enumValue(top, "difficulty", "", Difficulty.class, null);
        Integer minutes = requiredInt(top, "minutes", "", null);
        if (minutes != null && (minutes < 1 || minutes > 240)) {
            error("RAP014", top.get("minutes").pos(), "\"minutes\" is " + minutes + "; give an honest estimate between 1 and 240.", null);
        }
        List<String> tags = stringList(top, "tags", "", false, null);
        Customer customer = customer(top);
        String setting = requiredText(top, "setting", "", null, "Say where and how the conversation happens, e.g. \"Phone, a bank's card line\".");
        Prebrief prebrief = prebrief(top);
        String start = requiredString(top, "start", "");
        if (start != null && start.isEmpty()) {
            // ReferenceCheck leaves an empty start alone (it is what a missing one maps to), so say it here.
            error("RAP020", top.get("start").pos(), "\"start\" is empty. Give the id of the node the conversation starts at, e.g. \"opening\".", null);
        }
        Map<String, Node> nodes = nodes(top);
        return new Dialogue(orEmpty(id), orEmpty(title), orEmpty(summary), difficulty == null ? Difficulty.BEGINNER : difficulty,
                minutes == null ? 0 : minutes, tags, customer, orEmpty(setting), prebrief, orEmpty(start), nodes);
    }

    /** The optional pre-brief; its absence and its content are judged by PrebriefCheck (RAP066), which can teach. */
    private Prebrief prebrief(JObject top) {
        JObject p = object(top, "prebrief", "", false, null);
        if (p == null) return Prebrief.NONE;
        unknownFields(p, PREBRIEF, "prebrief", null);
        duplicates(p, "prebrief", null);
        return new Prebrief(stringList(p, "objectives", "prebrief", false, null), stringList(p, "mayDo", "prebrief", false, null),
                stringList(p, "mayNotDo", "prebrief", false, null));
    }

    private Customer customer(JObject top) {
        JObject c = object(top, "customer", "", true, null);
        if (c == null) return new Customer("", "", 0);
        unknownFields(c, CUSTOMER, "customer", null);
        duplicates(c, "customer", null);
        String name = requiredText(c, "name", "customer", null, "Give the customer a name.");
        String persona = requiredText(c, "persona", "customer", null, "Say who the customer is and what happened to them, in two or three sentences.");
        Integer mood = requiredInt(c, "mood", "customer", null);
        if (mood != null && !Mood.inRange(mood)) {
            error("RAP015", c.get("mood").pos(), "The customer's starting mood is " + mood + "; it must be from -5 (furious) to 5 (delighted).", null);
            mood = Mood.clamp(mood);
        }
        return new Customer(orEmpty(name), orEmpty(persona), mood == null ? 0 : mood);
    }

    private Map<String, Node> nodes(JObject top) {
        JObject obj = object(top, "nodes", "", true, null);
        if (obj == null) return new LinkedHashMap<>();
        boolean wasStreamed = streamed != null && obj.members().isEmpty();
        Set<String> first = wasStreamed ? streamed.first.keySet() : obj.members().keySet();
        for (Member dup : wasStreamed ? streamed.duplicates : obj.duplicates()) {
            Position firstAt = wasStreamed ? JsonValue.unpack(streamed.first.get(dup.key())) : obj.members().get(dup.key()).keyPos();
            error("RAP024", dup.keyPos(), "The node id \"" + dup.key() + "\" is defined twice (the first is at line " + firstAt.line()
                    + "). Node ids must be unique: rename one and update the \"next\" that should lead to it.", dup.key());
        }
        if (first.isEmpty()) {
            error("RAP011", obj.pos(), "\"nodes\" is empty. A dialogue needs at least a start node and an ending.", null);
        }
        if (wasStreamed) {
            declaredNodeIds.addAll(first);
            diagnostics.addAll(streamed.diagnostics);
            return streamed.nodes;
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (Member m : obj.members().values()) {
            declaredNodeIds.add(m.key());
            Node node = nodeMember(m);
            if (node != null) nodes.put(m.key(), node);
        }
        return nodes;
    }

    /** One member of "nodes": its id checked and located, and its node mapped (null when it is not an object). */
    private Node nodeMember(Member m) {
        String id = m.key();
        String path = SourceMap.path("nodes", id);
        sourceMap.put(path, m.keyAt());
        if (!isKebab(id)) {
            error("RAP014", m.keyPos(), "The node id \"" + id + "\" must be kebab-case: lower-case letters and digits joined by '-', e.g. \"asks-for-manager\".", id);
        }
        if (!(m.value() instanceof JObject n)) {
            error("RAP010", m.value().pos(), "The node \"" + id + "\" must be an object with \"say\" and either \"choices\" or \"ending\", but it is " + m.value().typeName() + ".", id);
            return null;
        }
        return node(id, n, path);
    }

    private Node node(String id, JObject n, String path) {
        duplicates(n, path, id);
        boolean hasEnding = n.get("ending") != null;
        boolean hasChoices = n.get("choices") != null;
        if (hasEnding && hasChoices) {
            error("RAP037", n.pos(), "The node \"" + id + "\" has both \"choices\" and \"ending\". A node is either a decision (the trainee replies) or an ending: remove one.", id);
        }
        String say = requiredText(n, "say", path, id, "Write what the customer says here.");
        String emotion = optionalString(n, "emotion", path, id);
        String note = optionalString(n, "note", path, id);
        if (hasEnding) {
            unknownFields(n, ENDING_NODE, path, id);
            JObject e = object(n, "ending", path, true, id);
            Ending ending = e == null ? new Ending(Outcome.KEPT, "", "") : ending(e, path + "/ending", id);
            return new EndingNode(id, orEmpty(say), emotion, note, ending);
        }
        unknownFields(n, DECISION, path, id);
        List<String> tests = stringList(n, "tests", path, true, id);
        if (n.get("tests") instanceof JArray a && a.items().isEmpty()) {
            error("RAP011", a.pos(), "\"tests\" is empty. Name the technique step this decision tests, e.g. [\"lead.listen\"].", id);
        }
        List<Choice> choices = new ArrayList<>();
        JsonValue cv = n.get("choices");
        if (cv == null) {
            error("RAP011", n.pos(), "The node \"" + id + "\" has neither \"choices\" (2 to 4 replies) nor \"ending\". Add one of them.", id);
        } else if (!(cv instanceof JArray arr)) {
            wrongType("choices", cv, "a list of replies", id);
        } else {
            sourceMap.put(path, "choices", arr.at());
            for (int i = 0; i < arr.items().size(); i++) {
                JsonValue item = arr.items().get(i);
                String cp = path + "/choices/" + i;
                sourceMap.put(cp, item.at());
                if (item instanceof JObject co) {
                    choices.add(choice(i, co, cp, id));
                } else {
                    error("RAP010", item.pos(), "Reply " + (i + 1) + " of \"" + id + "\" must be an object with \"say\", \"grade\", \"why\" and \"next\", but it is " + item.typeName() + ".", id);
                }
            }
        }
        return new CustomerNode(id, orEmpty(say), emotion, note, tests, choices);
    }

    private Ending ending(JObject e, String path, String nodeId) {
        unknownFields(e, ENDING, path, nodeId);
        duplicates(e, path, nodeId);
        Outcome outcome = enumValue(e, "outcome", path, Outcome.class, nodeId);
        String title = requiredText(e, "title", path, nodeId, "Give this ending a short title.");
        String summary = requiredText(e, "summary", path, nodeId, "Say what happened and why, in two or three sentences.");
        return new Ending(outcome == null ? Outcome.KEPT : outcome, orEmpty(title), orEmpty(summary));
    }

    private Choice choice(int index, JObject c, String path, String nodeId) {
        unknownFields(c, CHOICE, path, nodeId);
        duplicates(c, path, nodeId);
        String say = requiredText(c, "say", path, nodeId, "Write the reply the trainee can choose.");
        Grade grade = enumValue(c, "grade", path, Grade.class, nodeId);
        List<String> uses = stringList(c, "uses", path, true, nodeId);
        List<String> pitfalls = stringList(c, "pitfalls", path, true, nodeId);
        Integer mood = requiredInt(c, "mood", path, nodeId);
        if (mood != null && !Mood.inRange(mood)) {
            error("RAP015", c.get("mood").pos(), "This reply changes the mood by " + mood + "; a change must be from -5 to 5.", nodeId);
            mood = Mood.clamp(mood);
        }
        // A missing or blank "why" is reported by the WhyCheck (RAP034), so that its message can teach.
        String why = c.get("why") instanceof JString s ? s.value() : null;
        if (c.get("why") != null && !(c.get("why") instanceof JString)) wrongType("why", c.get("why"), "text", nodeId);
        if (why != null) sourceMap.put(path, "why", c.get("why").at());
        List<Route> routes = routes(c, path, nodeId);
        return new Choice(index, orEmpty(say), grade == null ? Grade.WEAK : grade, uses, pitfalls, mood == null ? 0 : mood,
                why, routes);
    }

    private List<Route> routes(JObject c, String path, String nodeId) {
        JsonValue next = c.get("next");
        List<Route> routes = new ArrayList<>();
        if (next == null) {
            error("RAP011", c.pos(), "This reply has no \"next\": give the id of the node it leads to.", nodeId);
            return routes;
        }
        sourceMap.put(path, "next", next.at());
        if (next instanceof JString s) {
            routes.add(Route.always(s.value()));
        } else if (next instanceof JArray a) {
            if (a.items().isEmpty()) {
                error("RAP011", a.pos(), "\"next\" is an empty list. Give a node id, or routes ending with one that has no condition.", nodeId);
            }
            for (int i = 0; i < a.items().size(); i++) {
                JsonValue item = a.items().get(i);
                String rp = path + "/next/" + i;
                sourceMap.put(rp, item.at());
                if (!(item instanceof JObject r)) {
                    error("RAP010", item.pos(), "Each route in \"next\" must be an object such as {\"moodAtMost\": -3, \"to\": \"escalates\"}, but this one is " + item.typeName() + ".", nodeId);
                    continue;
                }
                unknownFields(r, ROUTE, rp, nodeId);
                duplicates(r, rp, nodeId);
                Integer atMost = optionalMood(r, "moodAtMost", nodeId);
                Integer atLeast = optionalMood(r, "moodAtLeast", nodeId);
                String to = requiredString(r, "to", rp, nodeId);
                if (to != null) routes.add(new Route(atMost, atLeast, to));
            }
        } else {
            wrongType("next", next, "a node id or a list of routes", nodeId);
        }
        return routes;
    }

    private Integer optionalMood(JObject r, String key, String nodeId) {
        JsonValue v = r.get(key);
        if (v == null) return null;
        Integer i = intValue(key, v, nodeId);
        if (i != null && !Mood.inRange(i)) {
            error("RAP015", v.pos(), "\"" + key + "\" is " + i + "; moods run from -5 (furious) to 5 (delighted).", nodeId);
        }
        return i;
    }

    // == field helpers ==

    private JObject object(JObject parent, String key, String path, boolean required, String nodeId) {
        JsonValue v = parent.get(key);
        if (v == null) {
            if (required) missing(parent, key, nodeId);
            return null;
        }
        sourceMap.put(path, key, v.at());
        if (v instanceof JObject o) return o;
        wrongType(key, v, "an object", nodeId);
        return null;
    }

    private String requiredString(JObject parent, String key, String path) {
        return requiredString(parent, key, path, null);
    }

    private String requiredString(JObject parent, String key, String path, String nodeId) {
        JsonValue v = parent.get(key);
        if (v == null) {
            missing(parent, key, nodeId);
            return null;
        }
        return stringValue(key, v, path, nodeId);
    }

    /** A required text that must not be blank: a blank one is reported (RAP011) with what belongs there. */
    private String requiredText(JObject parent, String key, String path, String nodeId, String whatBelongs) {
        String s = requiredString(parent, key, path, nodeId);
        if (s != null && s.isBlank()) error("RAP011", parent.get(key).pos(), "\"" + key + "\" is empty. " + whatBelongs, nodeId);
        return s;
    }

    private String optionalString(JObject parent, String key, String path, String nodeId) {
        JsonValue v = parent.get(key);
        return v == null ? null : stringValue(key, v, path, nodeId);
    }

    private String stringValue(String key, JsonValue v, String path, String nodeId) {
        sourceMap.put(path, key, v.at());
        if (v instanceof JString s) return s.value();
        wrongType(key, v, "text in double quotes", nodeId);
        return null;
    }

    private Integer requiredInt(JObject parent, String key, String path, String nodeId) {
        JsonValue v = parent.get(key);
        if (v == null) {
            missing(parent, key, nodeId);
            return null;
        }
        sourceMap.put(path, key, v.at());
        return intValue(key, v, nodeId);
    }

    private Integer intValue(String key, JsonValue v, String nodeId) {
        if (!(v instanceof JNumber n)) {
            wrongType(key, v, "a whole number", nodeId);
            return null;
        }
        Long l = n.asLong();
        if (l == null) {
            error("RAP010", v.pos(), "\"" + key + "\" must be a whole number, but it is " + shorten(n.raw()) + ".", nodeId);
            return null;
        }
        if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
            error("RAP015", v.pos(), "\"" + key + "\" is " + shorten(n.raw()) + ", far outside the range it allows.", nodeId);
            return null;
        }
        return l.intValue();
    }

    private <E extends Enum<E>> E enumValue(JObject parent, String key, String path, Class<E> type, String nodeId) {
        String s = requiredString(parent, key, path, nodeId);
        if (s == null) return null;
        E[] constants = type.getEnumConstants();
        for (int i = 0; i < constants.length; i++) {
            // The file spells each value as its constant in lower case: compare without making that string.
            if (isLowerCaseOf(constants[i].name(), s)) return constants[i];
        }
        String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
        error("RAP014", parent.get(key).pos(), "\"" + key + "\" is \"" + shorten(s) + "\"; it must be one of: " + allowed + ".", nodeId);
        return null;
    }

    private List<String> stringList(JObject parent, String key, String path, boolean required, String nodeId) {
        JsonValue v = parent.get(key);
        if (v == null) {
            if (required) missing(parent, key, nodeId);
            return List.of();
        }
        sourceMap.put(path, key, v.at());
        if (!(v instanceof JArray a)) {
            wrongType(key, v, "a list of words, e.g. [\"lead.listen\"]", nodeId);
            return List.of();
        }
        List<String> out = new ArrayList<>(a.items().size());
        String p = a.items().isEmpty() || !sourceMap.recording() ? null : path.isEmpty() ? key : path + "/" + key;
        for (int i = 0; i < a.items().size(); i++) {
            JsonValue item = a.items().get(i);
            if (p != null) sourceMap.put(p, Integer.toString(i), item.at());
            if (item instanceof JString s) {
                out.add(s.value());
            } else {
                error("RAP010", item.pos(), "Every item of \"" + key + "\" must be text in double quotes, but item " + (i + 1) + " is " + item.typeName() + ".", nodeId);
            }
        }
        return out;
    }

    private void missing(JObject parent, String key, String nodeId) {
        String where = nodeId == null ? "" : " in node \"" + nodeId + "\"";
        error("RAP011", parent.pos(), "Missing required field \"" + key + "\"" + where + ". See docs/dialogue-format.md for what it holds.", nodeId);
    }

    private void wrongType(String key, JsonValue v, String expected, String nodeId) {
        error("RAP010", v.pos(), "\"" + key + "\" must be " + expected + ", but it is " + v.typeName() + ".", nodeId);
    }

    private void unknownFields(JObject obj, List<String> known, String path, String nodeId) {
        for (Member m : obj.members().values()) {
            if (known.contains(m.key())) continue;
            String hint = DidYouMean.closest(m.key(), known).map(s -> " Did you mean \"" + s + "\"?").orElse("");
            warning("RAP012", m.keyPos(), "Unknown field \"" + shorten(m.key()) + "\"" + (path.isEmpty() ? "" : " in " + describe(path, nodeId)) + "; Rapport ignores it." + hint, nodeId);
        }
    }

    private void duplicates(JObject obj, String path, String nodeId) {
        if (obj.duplicates().isEmpty()) return; // the usual case, without an iterator per object
        for (Member dup : obj.duplicates()) {
            if (path.equals("nodes")) continue;
            Position first = firstPosition(obj, dup);
            error("RAP005", dup.keyPos(), "\"" + shorten(dup.key()) + "\" appears twice in the same object (also at line " + first.line()
                    + "). Only one can count, so remove the one you did not mean.", nodeId);
        }
    }

    /** The position of the first occurrence of a duplicated key (the one the parser kept). */
    private static Position firstPosition(JObject obj, Member dup) {
        return obj.members().get(dup.key()).keyPos();
    }

    /**
     * Where a path is, in words: "reply 2 of node "calmer"". The node id is taken as given, not split out of the path,
     * because an id may itself contain '/' (it is reported as not kebab-case, but still described).
     */
    private static String describe(String path, String nodeId) {
        if (nodeId == null) return "\"" + path + "\"";
        String node = "node \"" + shorten(nodeId) + "\"";
        String nodePath = SourceMap.path("nodes", nodeId);
        String rest = path.startsWith(nodePath) ? path.substring(nodePath.length()) : "";
        if (rest.startsWith("/choices/")) {
            String index = rest.substring("/choices/".length()).split("/", 2)[0];
            return "reply " + (Integer.parseInt(index) + 1) + " of " + node;
        }
        return node;
    }

    /**
     * Whether an id is kebab-case: lower-case letters and digits in groups joined by single '-'. A plain loop, not a
     * regular expression: {@code [a-z0-9]+(-[a-z0-9]+)*} recurses once per group in java.util.regex and overflows the
     * stack on an id such as "a-a-a-…" with some ten thousand groups.
     */
    static boolean isKebab(String id) {
        if (id.isEmpty()) return false;
        boolean afterDash = true;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                afterDash = false;
            } else if (c == '-' && !afterDash) {
                afterDash = true;
            } else {
                return false;
            }
        }
        return !afterDash;
    }

    private void error(String code, Position pos, String message, String nodeId) {
        out.add(new Diagnostic(file, pos.line(), pos.column(), Severity.ERROR, code, message, nodeId));
    }

    private void warning(String code, Position pos, String message, String nodeId) {
        out.add(new Diagnostic(file, pos.line(), pos.column(), Severity.WARNING, code, message, nodeId));
    }

    /** {@code name.toLowerCase(Locale.ROOT).equals(s)} for an ASCII constant name, without building the string. */
    static boolean isLowerCaseOf(String name, String s) {
        if (name.length() != s.length()) return false;
        for (int i = 0; i < name.length(); i++) {
            char n = name.charAt(i);
            if (n > 127) return name.toLowerCase(Locale.ROOT).equals(s);
            char lower = n >= 'A' && n <= 'Z' ? (char) (n + ('a' - 'A')) : n;
            if (s.charAt(i) != lower) return false;
        }
        return true;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
