package org.rapport.importer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Yarn Spinner 2 ({@code .yarn}; YarnSpinnerTool/YarnSpinner, Documentation/Yarn-Spec.md, language version 2), read by a
 * line parser: file tags, nodes ({@code title:} and other headers, {@code ---}, body, {@code ===}), dialogue lines with
 * speakers, shortcut options {@code -> text} with their indented blocks (nested options too), commands and hashtags.
 *
 * <p>The body is then followed as Yarn runs it, without variables: from a node's start, lines are collected until an
 * option group (a customer node: the lines are its {@code say}, the options its replies), the end of the node or a
 * {@code <<stop>>} (an ending). A {@code <<jump>>} goes on in the target node; after an option's block the run goes on
 * after the option group, as Yarn does. Each option's block is followed the same way to find the reply's {@code next}.
 * The lines are the customer's: the speaker named by the convention's {@code customer:} (or the one speaker who is not
 * the {@code agent:}, or the file's only speaker); other speakers' lines are left out. Conditions and variables are
 * dropped (the first branch of an {@code <<if>>} is kept) and reported, like every other loss, at its line and column.
 */
final class YarnImporter {
    static final int MAX_NODES = 2000;
    static final long MAX_STEPS = 2_000_000;
    static final int MAX_DEPTH = 100;
    private static final Pattern HEADER = Pattern.compile("^\\s*([\\p{L}_][\\p{L}\\p{N}_.]*)\\s*:(.*)$");
    private static final Pattern FIELD = Pattern.compile("^(why|note|summary|title|emotion):[ \\t]*(.*)$");
    private static final Pattern SPEAKER = Pattern.compile("^([\\p{L}\\p{N}_][\\p{L}\\p{N}_ .'\\-]{0,39}?)\\s*:\\s*(.*)$");
    private static final Pattern LEGACY = Pattern.compile("^\\[\\[(.*?)\\]\\]$");
    private static final Set<String> LAYOUT_HEADERS = Set.of("position", "colorid", "color", "tracking");

    private final ImportReport report;
    private final Convention convention;
    private final Set<String> warned = new HashSet<>();
    private String[] lines;

    // the file
    private final Scenario s = new Scenario();
    private final List<YNode> nodes = new ArrayList<>();
    private final Map<String, YNode> byTitle = new LinkedHashMap<>();
    private final Set<String> speakers = new LinkedHashSet<>();
    private final Map<String, int[]> speakerAt = new HashMap<>();
    private String agentName;
    private int lineIds;
    private int[] firstLineId;
    private int optionGroups;
    private String customerSpeaker;
    private boolean speakersUnknown;

    // the run
    private final Ids ids = new Ids();
    private final Map<String, String> idByKey = new HashMap<>();
    /** Each node's own id (its title in kebab case), for the customer node or ending its start leads to. */
    private final Map<YNode, String> plain = new HashMap<>();
    private final Map<YNode, List<String>> made = new HashMap<>();
    private final Set<YNode> entered = new HashSet<>();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private long steps;
    private boolean cut;

    private YarnImporter(ImportReport report, Convention convention) {
        this.report = report;
        this.convention = convention;
    }

    static Scenario read(String text, ImportReport report, Convention convention, String fileBase) {
        return new YarnImporter(report, convention).read(text, fileBase);
    }

    // ---- the parsed file -------------------------------------------------------------------------------------------

    private static final class YNode {
        String title;
        int line;
        final Map<String, String> headers = new LinkedHashMap<>();
        final List<Tag> tags = new ArrayList<>();
        int bodyFrom;
        int bodyTo;
        List<Stmt> body = List.of();
        boolean settings;
    }

    private record Tag(String text, int line, int col) {
    }

    private sealed interface Stmt permits Say, Field, Jump, Stop, Options {
    }

    private record Say(int line, int col, String speaker, String text, List<Tag> tags) implements Stmt {
    }

    private record Field(int line, int col, String key, String value) implements Stmt {
    }

    /** {@code target} null: a dynamic or unknown target, reported where it is. */
    private record Jump(int line, int col, YNode target) implements Stmt {
    }

    private record Stop(int line, int col) implements Stmt {
    }

    private record Options(int id, int line, int col, List<Option> options) implements Stmt {
    }

    private record Option(int line, int col, String text, List<Tag> tags, List<Stmt> block) {
    }

    /** One body line after lexing: its indentation, kind and content (comment and hashtags taken off). */
    private record Raw(int line, int col, int indent, String kind, String content, List<Tag> tags) {
    }

    private Scenario read(String text, String fileBase) {
        lines = text.split("\n", -1);
        structure();
        for (YNode n : nodes) {
            if (n.settings) settings(n);
            else header(n);
        }
        for (YNode n : nodes) {
            if (!n.settings) n.body = body(n);
        }
        if (lineIds > 0) {
            report.warn("RAP119", firstLineId[0], firstLineId[1], "Line ids (#line:...) are for localisation; "
                    + (lineIds == 1 ? "this one was" : "the " + lineIds + " in this file were") + " left out.");
        }
        List<YNode> story = nodes.stream().filter(n -> !n.settings).toList();
        if (story.isEmpty()) {
            report.error("RAP101", 1, 1, "No Yarn node: a node is a header with a \"title:\" line, then \"---\", its body, and \"===\".");
            return null;
        }
        whoIsTheCustomer();
        s.id = Ids.slug(s.title != null ? s.title : fileBase);
        for (YNode n : story) plain.put(n, ids.unique(n.title));
        YNode start = byTitle.get("Start");
        if (start == null || start.settings) {
            start = story.get(0);
            report.warn("RAP119", start.line, 1, "No node is titled Start (where Yarn Spinner begins by default); the first node, \""
                    + start.title + "\", is the start.");
        }
        s.start = runFrom(start);
        drain();
        for (YNode n : story) { // nodes no jump reaches are kept, as Twine keeps passages no link reaches
            if (!entered.contains(n) && !cut) {
                runFrom(n);
                drain();
            }
        }
        names();
        if (cut) {
            report.warn("RAP121", 0, 0, "The import stopped after " + s.nodes.size() + " nodes (the limit is " + MAX_NODES
                    + "); the rest of the file was not imported.");
        }
        return s;
    }

    /** File tags, node headers and bodies: where each node's lines are. */
    private void structure() {
        int i = 0;
        boolean seenNode = false;
        List<String> fileTags = new ArrayList<>();
        while (i < lines.length) {
            String l = lines[i];
            String t = l.strip();
            if (t.isEmpty() || t.startsWith("//")) {
                i++;
                continue;
            }
            if (t.startsWith("#")) {
                if (!seenNode) fileTag(t.substring(1), i + 1, l.indexOf('#') + 2);
                else warnOnce("RAP119", i + 1, 1, "A file tag after the first node; file tags go at the top of the file. It was left out.");
                i++;
                continue;
            }
            if (t.equals("===") || t.equals("---")) {
                warnOnce("RAP121", i + 1, 1, "A \"" + t + "\" outside any node; it was ignored.");
                i++;
                continue;
            }
            seenNode = true;
            i = node(i);
        }
    }

    /** A node from its first header line; returns the index of the line after it. */
    private int node(int from) {
        YNode n = new YNode();
        n.line = from + 1;
        int i = from;
        boolean body = false;
        while (i < lines.length) {
            String t = lines[i].strip();
            if (t.equals("---")) {
                body = true;
                i++;
                break;
            }
            if (t.equals("===")) break;
            if (!t.isEmpty() && !t.startsWith("//")) {
                Matcher m = HEADER.matcher(lines[i]);
                if (m.matches()) {
                    String key = m.group(1);
                    String value = stripComment(m.group(2)).strip();
                    if (n.headers.containsKey(key)) {
                        report.warn("RAP119", i + 1, 1, "A second \"" + key + ":\" header in this node; the first one counts.");
                    } else {
                        n.headers.put(key, value);
                        if (key.equals("title")) n.line = i + 1;
                        if (key.equals("tags")) {
                            int base = lines[i].indexOf(':') + 1;
                            String raw = stripComment(lines[i].substring(base));
                            Matcher w = Pattern.compile("\\S+").matcher(raw);
                            while (w.find()) n.tags.add(new Tag(w.group(), i + 1, base + w.start() + 1));
                        }
                    }
                } else {
                    report.warn("RAP119", i + 1, 1, "A header line that is not \"name: text\" (headers end at the \"---\" line); it was left out.");
                }
            }
            i++;
        }
        if (!body) {
            report.warn("RAP121", n.line, 1, "This node's header has no \"---\" line"
                    + (i < lines.length ? " before its \"===\"" : " before the end of the file") + ", so it has no body; it was left out.");
            return i < lines.length ? i + 1 : i;
        }
        n.bodyFrom = i;
        while (i < lines.length) {
            String t = lines[i].strip();
            if (t.equals("===")) {
                n.bodyTo = i;
                add(n);
                return i + 1;
            }
            if (t.equals("---")) {
                int k = i;
                boolean title = false;
                while (k > n.bodyFrom && !lines[k - 1].isBlank() && HEADER.matcher(lines[k - 1]).matches()) {
                    k--;
                    Matcher hm = HEADER.matcher(lines[k]);
                    if (hm.matches() && hm.group(1).equals("title")) title = true;
                }
                if (title) {
                    n.bodyTo = k;
                    report.warn("RAP121", k + 1, 1, "The node \"" + n.headers.getOrDefault("title", "?")
                            + "\" (line " + n.line + ") has no \"===\" before this header; it ends here.");
                    add(n);
                    return k;
                }
            }
            i++;
        }
        n.bodyTo = lines.length;
        int last = lines.length;
        while (last > n.bodyFrom && lines[last - 1].isBlank()) last--;
        report.warn("RAP121", Math.max(last, 1), 1, "The node \"" + n.headers.getOrDefault("title", "?")
                + "\" has no \"===\" at its end; the end of the file ended it.");
        add(n);
        return i;
    }

    private void add(YNode n) {
        String title = n.headers.get("title");
        if (title == null || title.isEmpty()) {
            report.warn("RAP119", n.line, 1, "A node without a \"title:\" header; it was left out.");
            return;
        }
        n.title = title;
        YNode first = byTitle.get(title);
        if (first != null) {
            report.warn("RAP118", n.line, 1, "A second node is titled \"" + title + "\"; jumps go to the first one (line "
                    + first.line + "), so this one was left out.");
            return;
        }
        for (YNode other : byTitle.values()) {
            if (Ids.slug(other.title).equals(Ids.slug(title))) {
                report.warn("RAP118", n.line, 1, "The titles \"" + other.title + "\" and \"" + title + "\" make the same node id \""
                        + Ids.slug(title) + "\"; this one's nodes get a number after it.");
                break;
            }
        }
        n.settings = title.equalsIgnoreCase("Rapport") || n.tags.stream().anyMatch(t -> t.text().equals("rapport"));
        byTitle.put(title, n);
        nodes.add(n);
    }

    private void fileTag(String tag, int line, int col) {
        int colon = tag.indexOf(':');
        if (tag.strip().startsWith("line:")) {
            lineId(line, col);
            return;
        }
        if (colon <= 0) {
            report.warn("RAP119", line, col, "The file tag #" + tag.strip() + " is not a setting of the convention (key: value); it was left out.");
            return;
        }
        story(tag.substring(0, colon), tag.substring(colon + 1), line, col);
    }

    private void story(String key, String value, int line, int col) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        if (k.equals("agent")) {
            if (!value.isBlank()) agentName = value.strip();
            return;
        }
        for (String problem : convention.applyStory(s, key, value)) report.warn("RAP119", line, col, problem + ".");
    }

    /** A node tagged rapport: the story's settings as {@code key: value} lines. */
    private void settings(YNode n) {
        for (int i = n.bodyFrom; i < n.bodyTo; i++) {
            String t = stripComment(lines[i]).strip();
            if (t.isEmpty()) continue;
            int colon = t.indexOf(':');
            if (colon <= 0) report.warn("RAP119", i + 1, 1, "A line of the Rapport settings node is not \"key: value\"; it was left out.");
            else story(t.substring(0, colon), t.substring(colon + 1), i + 1, 1);
        }
    }

    /** A story node's other headers: customer and agent name speakers; layout headers are dropped quietly. */
    private void header(YNode n) {
        for (var e : n.headers.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.equals("title") || k.equals("tags") || LAYOUT_HEADERS.contains(k)) continue;
            if (k.equals("customer") || k.equals("agent")) {
                story(k, e.getValue(), n.line, 1);
                continue;
            }
            report.warn("RAP119", headerLine(n, e.getKey()), 1, "The header \"" + e.getKey() + ":\" means nothing to Rapport; it was left out.");
        }
        Convention.Tags t = convention.read(n.tags.stream().map(Tag::text).toList());
        for (String problem : t.problems) report.warn("RAP119", n.tags.isEmpty() ? n.line : n.tags.get(0).line(), 1, problem + ".");
        if (t.grade != null || t.mood != null || !t.pitfalls.isEmpty()) {
            report.warn("RAP119", n.tags.get(0).line(), 1, "A grade, mood or pitfall in a node's tags: these belong on an option "
                    + "(-> text #grade:best); they were ignored here.");
        }
        for (String other : t.others) {
            if (!s.tags.contains(other)) s.tags.add(other);
        }
    }

    private int headerLine(YNode n, String key) {
        for (int i = n.line - 1; i >= 0 && i < n.bodyFrom; i++) {
            Matcher m = HEADER.matcher(lines[i]);
            if (m.matches() && m.group(1).equals(key)) return i + 1;
        }
        for (int i = n.bodyFrom - 1; i >= 0 && i >= n.bodyFrom - 50; i--) {
            Matcher m = HEADER.matcher(lines[i]);
            if (m.matches() && m.group(1).equals(key)) return i + 1;
        }
        return n.line;
    }

    // ---- the body ---------------------------------------------------------------------------------------------------

    private List<Stmt> body(YNode n) {
        List<Raw> raws = new ArrayList<>();
        char indentKind = 0;
        boolean mixedWarned = false;
        for (int i = n.bodyFrom; i < n.bodyTo; i++) {
            String line = stripComment(lines[i]);
            if (line.isBlank()) continue;
            int ws = 0;
            int width = 0;
            boolean tabs = false;
            boolean spaces = false;
            while (ws < line.length() && (line.charAt(ws) == ' ' || line.charAt(ws) == '\t')) {
                if (line.charAt(ws) == '\t') {
                    tabs = true;
                    width += 4;
                } else {
                    spaces = true;
                    width++;
                }
                ws++;
            }
            if (ws > 0 && !mixedWarned) {
                char kind = tabs ? '\t' : ' ';
                if (indentKind == 0 && !(tabs && spaces)) indentKind = kind;
                else if ((tabs && spaces) || kind != indentKind) {
                    report.warn("RAP121", i + 1, 1, "Tabs and spaces are mixed in this node's indentation; a tab was counted as "
                            + "four spaces to tell which option block a line belongs to. Check the replies' blocks.");
                    mixedWarned = true;
                }
            }
            raws.add(lex(line, i + 1, ws, width));
        }
        raws = flowControl(raws);
        int[] at = {0};
        List<Stmt> out = block(raws, at, -1, n, 0);
        unreachable(out);
        return out;
    }

    /** One line: its kind (option, command, legacy, dialogue), content, and hashtags. */
    private Raw lex(String line, int lineNo, int ws, int width) {
        int hash = hashStart(line, ws);
        List<Tag> tags = new ArrayList<>();
        String content = hash < 0 ? line.substring(ws) : line.substring(ws, hash);
        if (hash >= 0) {
            Matcher w = Pattern.compile("\\S+").matcher(line);
            w.region(hash, line.length());
            while (w.find()) {
                if (w.group().startsWith("#") && w.group().length() > 1) {
                    for (String part : w.group().substring(1).split("#")) {
                        if (!part.isEmpty()) tags.add(new Tag(part, lineNo, w.start() + 1));
                    }
                } else {
                    warnOnce("RAP119", lineNo, w.start() + 1, "Text after a hashtag (hashtags end a line); it was left out.");
                }
            }
        }
        content = content.strip();
        int col = ws + 1;
        String kind;
        if (content.startsWith("->")) kind = "option";
        else if (content.startsWith("<<")) kind = "command";
        else if (LEGACY.matcher(content).matches()) kind = "legacy";
        else kind = "say";
        return new Raw(lineNo, col, width, kind, content, List.copyOf(tags));
    }

    /** Where the hashtags of a line start: the first # that is not escaped and not inside {...} or <<...>>; -1 if none. */
    private static int hashStart(String line, int from) {
        int braces = 0;
        boolean command = false;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '<' && i + 1 < line.length() && line.charAt(i + 1) == '<') command = true;
            else if (c == '>' && i + 1 < line.length() && line.charAt(i + 1) == '>') command = false;
            else if (c == '{') braces++;
            else if (c == '}' && braces > 0) braces--;
            else if (c == '#' && braces == 0 && !command) return i;
        }
        return -1;
    }

    /** A comment runs from an unescaped // to the end of the line. */
    private static String stripComment(String line) {
        for (int i = 0; i + 1 < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '/' && line.charAt(i + 1) == '/') return line.substring(0, i);
        }
        return line;
    }

    /** {@code <<if>>} blocks: the condition is dropped and the first branch kept; the other branches are dropped. */
    private List<Raw> flowControl(List<Raw> raws) {
        List<Raw> out = new ArrayList<>();
        ArrayDeque<boolean[]> stack = new ArrayDeque<>(); // [keeping]
        ArrayDeque<Raw> opened = new ArrayDeque<>();
        for (Raw r : raws) {
            String word = r.kind().equals("command") ? keyword(r.content()) : "";
            boolean skipping = stack.stream().anyMatch(f -> !f[0]);
            switch (word) {
                case "if" -> {
                    if (!skipping) report.warn("RAP115", r.line(), r.col(), "A condition (" + shorten(r.content()) + ") cannot be "
                            + "expressed in Rapport; it was dropped and the lines of its first branch were kept.");
                    stack.push(new boolean[] {true});
                    opened.push(r);
                }
                case "elseif", "else" -> {
                    if (stack.isEmpty()) {
                        report.warn("RAP121", r.line(), r.col(), "<<" + word + ">> without an <<if>>; it was ignored.");
                    } else {
                        boolean wasSkipping = stack.stream().skip(1).anyMatch(f -> !f[0]);
                        if (!wasSkipping && stack.peek()[0]) {
                            report.warn("RAP115", r.line(), r.col(), "The branches from this <<" + word + ">> to <<endif>> were left "
                                    + "out (Rapport has no conditions; the first branch was kept).");
                        }
                        stack.peek()[0] = false;
                    }
                }
                case "endif" -> {
                    if (stack.isEmpty()) report.warn("RAP121", r.line(), r.col(), "<<endif>> without an <<if>>; it was ignored.");
                    else {
                        stack.pop();
                        opened.pop();
                    }
                }
                default -> {
                    if (!skipping) out.add(r);
                }
            }
        }
        for (Raw r : opened) report.warn("RAP121", r.line(), r.col(), "This <<if>> has no <<endif>>; it runs to the end of the node.");
        return out;
    }

    /** Statements at one level: those indented more than {@code parent} (all of them at the top, {@code parent} -1). */
    private List<Stmt> block(List<Raw> raws, int[] at, int parent, YNode n, int depth) {
        List<Stmt> out = new ArrayList<>();
        if (depth > MAX_DEPTH) {
            Raw r = raws.get(at[0]);
            if (!report.hasErrors()) report.error("RAP101", r.line(), r.col(), "Options are nested more than " + MAX_DEPTH
                    + " deep here; the file is damaged or not a conversation.");
            while (at[0] < raws.size() && raws.get(at[0]).indent() > parent) at[0]++;
            return out;
        }
        while (at[0] < raws.size()) {
            Raw r = raws.get(at[0]);
            if (parent >= 0 && r.indent() <= parent) break;
            if (r.kind().equals("option") || r.kind().equals("legacy")) {
                int base = r.indent();
                List<Option> group = new ArrayList<>();
                Raw first = r;
                while (at[0] < raws.size()) {
                    Raw o = raws.get(at[0]);
                    if (!(o.kind().equals("option") || o.kind().equals("legacy")) || o.indent() != base) break;
                    at[0]++;
                    List<Stmt> blk = block(raws, at, base, n, depth + 1);
                    group.add(option(o, blk));
                }
                int count = group.size();
                if (count == 1 || count > 4) {
                    report.warn("RAP114", first.line(), first.col(), "This option group has " + count + (count == 1 ? " option" : " options")
                            + "; a Rapport decision offers 2 to 4 replies. Add or remove replies (validate reports RAP032 until then).");
                }
                out.add(new Options(optionGroups++, first.line(), first.col(), List.copyOf(group)));
                continue;
            }
            at[0]++;
            Stmt st = statement(r);
            if (st != null) out.add(st);
        }
        return out;
    }

    private Option option(Raw r, List<Stmt> block) {
        if (r.kind().equals("legacy")) {
            String inner = r.content().substring(2, r.content().length() - 2);
            int bar = inner.lastIndexOf('|');
            String text = bar < 0 ? inner : inner.substring(0, bar);
            String target = (bar < 0 ? inner : inner.substring(bar + 1)).strip();
            report.warn("RAP121", r.line(), r.col(), "[[" + shorten(inner) + "]] is Yarn 1 option syntax; it was read as the option \""
                    + shorten(text.strip()) + "\" with <<jump " + shorten(target) + ">>. Yarn Spinner 2 writes -> text and a <<jump>>.");
            YNode t = byTitle.get(target);
            if (t == null || t.settings) {
                report.warn("RAP113", r.line(), r.col(), "The option leads to \"" + shorten(target) + "\", but no node has that title; "
                        + "the reply's next is left out.");
            }
            List<Stmt> blk = new ArrayList<>(block);
            blk.add(0, new Jump(r.line(), r.col(), t == null || t.settings ? null : t));
            return new Option(r.line(), r.col(), blank(unescape(text)), List.of(), List.copyOf(blk));
        }
        String text = r.content().substring(2);
        int cond = text.indexOf("<<");
        if (cond >= 0) {
            String c = text.substring(cond);
            String word = keyword(c);
            report.warn("RAP115", r.line(), r.col() + 2 + cond, word.equals("if")
                    ? "The option's condition (" + shorten(c.strip()) + ") cannot be expressed in Rapport; the reply is offered every time."
                    : "A command on an option line (" + shorten(c.strip()) + ") was left out.");
            text = text.substring(0, cond);
        }
        replyTags(r.tags());
        say(text, r.line(), r.col() + 2);
        return new Option(r.line(), r.col(), blank(unescape(text.strip())), r.tags(), block);
    }

    private Stmt statement(Raw r) {
        switch (r.kind()) {
            case "command" -> {
                otherTags(r.tags());
                if (!r.content().endsWith(">>")) {
                    report.warn("RAP121", r.line(), r.col(), "A command without its closing \">>\"; it was left out.");
                    return null;
                }
                String inner = r.content().substring(2, r.content().length() - 2).strip();
                String word = keyword("<<" + inner);
                switch (word) {
                    case "jump" -> {
                        String target = inner.substring(4).strip();
                        if (target.startsWith("{")) {
                            report.warn("RAP115", r.line(), r.col(), "A jump to a node chosen at run time (" + shorten(target) + ") cannot be "
                                    + "followed; the reply or line leads nowhere yet.");
                            return new Jump(r.line(), r.col(), null);
                        }
                        YNode t = byTitle.get(target);
                        if (t == null || t.settings) {
                            report.warn("RAP113", r.line(), r.col(), "The jump leads to \"" + shorten(target) + "\", but no node has that "
                                    + "title; it leads nowhere.");
                            return new Jump(r.line(), r.col(), null);
                        }
                        return new Jump(r.line(), r.col(), t);
                    }
                    case "stop" -> {
                        return new Stop(r.line(), r.col());
                    }
                    case "set", "declare" -> {
                        report.warn("RAP115", r.line(), r.col(), "Rapport has no variables: <<" + shorten(inner) + ">> was left out.");
                        return null;
                    }
                    default -> {
                        report.warn("RAP110", r.line(), r.col(), "The command <<" + shorten(inner) + ">> was left out.");
                        return null;
                    }
                }
            }
            default -> {
                String c = r.content();
                Matcher f = FIELD.matcher(c);
                if (f.matches()) {
                    otherTags(r.tags());
                    return new Field(r.line(), r.col(), f.group(1), unescape(f.group(2)).strip());
                }
                String speaker = null;
                String text = c;
                Matcher m = SPEAKER.matcher(c);
                if (m.matches()) {
                    speaker = m.group(1).strip();
                    text = m.group(2);
                    speakers.add(speaker);
                    speakerAt.putIfAbsent(speaker, new int[] {r.line(), r.col()});
                }
                lineTags(r.tags());
                say(text, r.line(), r.col() + (c.length() - text.length()));
                return new Say(r.line(), r.col(), speaker, unescape(text).strip(), r.tags());
            }
        }
    }

    /** An expression in a line or option is shown as written. */
    private void say(String text, int line, int col) {
        int brace = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\\') i++;
            else if (text.charAt(i) == '{') {
                brace = i;
                break;
            }
        }
        if (brace >= 0) {
            report.warn("RAP115", line, col + brace, "An expression in the text ({...}) has no value in Rapport; it was kept as written. "
                    + "Write the words it stands for.");
        }
    }

    /** An option's hashtags: a tag meant for a line or an ending is reported and ignored. */
    private void replyTags(List<Tag> tags) {
        checkTags(tags, c -> c.outcome != null || c.emotion != null, t -> "#" + shorten(t.text()) + " is for a line or an ending, not an option; it was ignored.");
    }

    /** A line's hashtags: a tag meant for an option is reported and ignored. */
    private void lineTags(List<Tag> tags) {
        checkTags(tags, c -> c.grade != null || c.mood != null || !c.pitfalls.isEmpty(),
                t -> "#" + shorten(t.text()) + " is for an option (-> text #" + shorten(t.text()) + "), not a line; it was ignored.");
    }

    /** Reports, for each tag, the convention's problems, a tag that is not the convention's, or one in the wrong place. */
    private void checkTags(List<Tag> tags, java.util.function.Predicate<Convention.Tags> elsewhere,
                           java.util.function.Function<Tag, String> wrongPlace) {
        for (Tag t : tags) {
            if (lineId(t)) continue;
            Convention.Tags c = convention.read(List.of(t.text()));
            for (String problem : c.problems) report.warn("RAP119", t.line(), t.col(), problem + ".");
            if (!c.others.isEmpty()) {
                report.warn("RAP119", t.line(), t.col(), "The hashtag #" + shorten(t.text()) + " is not one of the convention's; it was left out.");
            } else if (elsewhere.test(c)) {
                report.warn("RAP119", t.line(), t.col(), wrongPlace.apply(t));
            }
        }
    }

    private void otherTags(List<Tag> tags) {
        for (Tag t : tags) {
            if (!lineId(t)) report.warn("RAP119", t.line(), t.col(), "The hashtag #" + shorten(t.text()) + " on a command or a field line "
                    + "was left out.");
        }
    }

    private boolean lineId(Tag t) {
        if (!t.text().startsWith("line:")) return false;
        lineId(t.line(), t.col());
        return true;
    }

    private void lineId(int line, int col) {
        if (lineIds++ == 0) firstLineId = new int[] {line, col};
    }

    /** Statements after a jump or a stop in the same block never run. */
    private void unreachable(List<Stmt> stmts) {
        for (int i = 0; i < stmts.size(); i++) {
            Stmt st = stmts.get(i);
            if (st instanceof Options o) o.options().forEach(op -> unreachable(op.block()));
            if ((st instanceof Jump || st instanceof Stop) && i + 1 < stmts.size()) {
                int[] at = where(stmts.get(i + 1));
                report.warn("RAP121", at[0], at[1], "This line comes after a <<jump>> or <<stop>> in the same block, so it never runs; "
                        + "it was left out.");
                break;
            }
        }
    }

    private static int[] where(Stmt st) {
        if (st instanceof Say x) return new int[] {x.line(), x.col()};
        if (st instanceof Field x) return new int[] {x.line(), x.col()};
        if (st instanceof Jump x) return new int[] {x.line(), x.col()};
        if (st instanceof Stop x) return new int[] {x.line(), x.col()};
        Options x = (Options) st;
        return new int[] {x.line(), x.col()};
    }

    /** The customer's speaker name: named by the convention, else the one speaker who is not the agent. */
    private void whoIsTheCustomer() {
        if (speakers.isEmpty()) return;
        String named = s.customerName;
        if (named != null) {
            String firstWord = named.strip().split("\\s+")[0];
            for (String sp : speakers) {
                if (sp.equalsIgnoreCase(named.strip()) || sp.equalsIgnoreCase(firstWord)) {
                    customerSpeaker = sp;
                    return;
                }
            }
        }
        List<String> others = speakers.stream().filter(sp -> agentName == null || !sp.equalsIgnoreCase(agentName)).toList();
        if (others.size() == 1) {
            customerSpeaker = others.get(0);
            if (s.customerName == null) s.customerName = customerSpeaker;
            return;
        }
        if (others.isEmpty()) return;
        speakersUnknown = true;
        int[] at = speakerAt.get(others.get(1));
        report.warn("RAP122", at[0], at[1], "The lines have " + others.size() + " speakers (" + String.join(", ", others.size() > 6
                ? others.subList(0, 6) : others) + (others.size() > 6 ? " ..." : "") + ") and the file does not say which one is the "
                + "customer, so every line was kept with its speaker's name. Name the customer with a file tag (#customer: Name) or "
                + "the agent (#agent: Name).");
    }

    // ---- the run ------------------------------------------------------------------------------------------------------

    /** Where a run is: a statement list, the index in it, the frame to go on with after it, and the node it belongs to. */
    private record Frame(List<Stmt> list, int index, Frame parent, YNode node) {
        Frame next() {
            return new Frame(list, index + 1, parent, node);
        }
    }

    private record Pending(String nodeId, int choice, Frame frame, String optionText) {
    }

    private String runFrom(YNode n) {
        entered.add(n);
        return run(new Frame(n.body, 0, null, n), null, null);
    }

    private void drain() {
        while (!queue.isEmpty()) {
            Pending p = queue.poll();
            Scenario.Reply r = s.nodes.get(p.nodeId()).choices.get(p.choice());
            r.next = run(p.frame(), r, p.optionText());
        }
    }

    /** Follows the story from {@code f} to its next stop; returns the node there (null: nowhere). */
    private String run(Frame f, Scenario.Reply reply, String optionText) {
        StringBuilder say = new StringBuilder();
        Map<String, String> fields = new HashMap<>();
        List<String> tags = new ArrayList<>();
        Set<YNode> here = new HashSet<>();
        if (f.node() != null && f.index() == 0 && f.parent() == null) here.add(f.node());
        boolean firstLine = true;
        boolean clean = f.index() == 0 && f.parent() == null;
        YNode last = f.node();
        while (true) {
            if (++steps > MAX_STEPS || cut) {
                cut = true;
                return null;
            }
            if (f.index() >= f.list().size()) {
                if (f.parent() == null) return ending(last, say, fields, tags, clean);
                f = f.parent();
                continue;
            }
            Stmt st = f.list().get(f.index());
            last = f.node();
            if (st instanceof Say l) {
                boolean customer = l.speaker() == null || speakersUnknown || customerSpeaker == null
                        || l.speaker().equals(customerSpeaker);
                if (customer) {
                    String text = l.speaker() != null && speakersUnknown ? l.speaker() + ": " + l.text() : l.text();
                    if (!text.isEmpty()) {
                        if (!say.isEmpty()) say.append(' ');
                        say.append(text);
                    }
                    for (Tag t : l.tags()) tags.add(t.text());
                } else if (!(firstLine && optionText != null && l.text().equalsIgnoreCase(optionText))) {
                    warnOnce("RAP122", l.line(), l.col(), "A line by " + l.speaker() + ", who is not the customer (" + customerSpeaker
                            + "), was left out: in Rapport the agent speaks only through replies.");
                }
                firstLine = false;
                f = f.next();
            } else if (st instanceof Field x) {
                if (x.key().equals("why")) {
                    if (reply == null) {
                        warnOnce("RAP119", x.line(), x.col(), "A why: line outside an option's block explains no reply; it was left out.");
                    } else if (!x.value().isEmpty()) {
                        reply.why = reply.why == null ? x.value() : reply.why + " " + x.value();
                    }
                } else if (!x.value().isEmpty()) {
                    fields.merge(x.key(), x.value(), (a, b) -> a + " " + b);
                }
                f = f.next();
            } else if (st instanceof Jump j) {
                if (j.target() == null) return say.isEmpty() ? null : ending(last, say, fields, tags, clean);
                if (!here.add(j.target())) {
                    warnOnce("RAP121", j.line(), j.col(), "This jump goes round a loop of nodes that offers no options; the "
                            + "conversation ends here in the import.");
                    return ending(last, say, fields, tags, clean);
                }
                clean = say.isEmpty() && fields.isEmpty() && tags.isEmpty();
                entered.add(j.target());
                f = new Frame(j.target().body, 0, null, j.target());
            } else if (st instanceof Stop) {
                return ending(last, say, fields, tags, clean);
            } else {
                return decision((Options) st, f, say, fields, tags, clean);
            }
        }
    }

    private String key(String where, StringBuilder say, Map<String, String> fields, List<String> tags) {
        return where + '\u0000' + say + '\u0000' + new java.util.TreeMap<>(fields) + '\u0000' + tags;
    }

    private String decision(Options o, Frame f, StringBuilder say, Map<String, String> fields, List<String> tags, boolean clean) {
        String k = key("o" + o.id(), say, fields, tags);
        String known = idByKey.get(k);
        if (known != null) return known;
        if (s.nodes.size() >= MAX_NODES) {
            cut = true;
            return null;
        }
        YNode y = f.node();
        String id = newId(y, clean);
        idByKey.put(k, id);
        Scenario.Node n = new Scenario.Node();
        Convention.Tags t = nodeTags(y, tags);
        n.say = blank(say.toString());
        n.emotion = fields.getOrDefault("emotion", t.emotion);
        n.note = fields.getOrDefault("note", t.note);
        if (!t.steps.isEmpty()) n.tests = List.copyOf(new LinkedHashSet<>(t.steps));
        n.choices = new ArrayList<>();
        s.nodes.put(id, n);
        Frame after = f.next();
        for (Option op : o.options()) {
            Scenario.Reply r = new Scenario.Reply();
            r.say = op.text();
            Convention.Tags rt = convention.read(op.tags().stream().map(Tag::text).filter(x -> !x.startsWith("line:")).toList());
            rt.applyTo(r);
            r.why = rt.why;
            n.choices.add(r);
            queue.add(new Pending(id, n.choices.size() - 1, new Frame(op.block(), 0, after, y), op.text()));
        }
        return id;
    }

    private String ending(YNode y, StringBuilder say, Map<String, String> fields, List<String> tags, boolean clean) {
        String k = key("e" + y.title, say, fields, tags);
        String known = idByKey.get(k);
        if (known != null) return known;
        if (s.nodes.size() >= MAX_NODES) {
            cut = true;
            return null;
        }
        String id = newId(y, clean);
        idByKey.put(k, id);
        Convention.Tags t = nodeTags(y, tags);
        Scenario.Node n = new Scenario.Node();
        n.say = blank(say.toString());
        n.emotion = fields.getOrDefault("emotion", t.emotion);
        n.note = fields.getOrDefault("note", t.note);
        n.outcome = t.outcome;
        n.endingTitle = fields.getOrDefault("title", t.title != null ? t.title : y.title);
        n.endingSummary = fields.getOrDefault("summary", t.summary);
        s.nodes.put(id, n);
        return id;
    }

    /** The node's own id when the story reached it from its start with nothing said before; else its title and a number. */
    private String newId(YNode y, boolean clean) {
        String p = plain.get(y);
        String id = clean && p != null && !s.nodes.containsKey(p) ? p : ids.unique(y.title);
        made.computeIfAbsent(y, k -> new ArrayList<>()).add(id);
        return id;
    }

    /** A node whose own id no node took (the story only reached it after other lines) gives it to its first node. */
    private void names() {
        Map<String, String> rename = new HashMap<>();
        for (var e : plain.entrySet()) {
            List<String> mine = made.get(e.getKey());
            if (s.nodes.containsKey(e.getValue()) || mine == null) continue;
            for (String id : mine) {
                if (!plain.containsValue(id) && !rename.containsKey(id)) {
                    rename.put(id, e.getValue());
                    break;
                }
            }
        }
        if (rename.isEmpty()) return;
        Map<String, Scenario.Node> copy = new LinkedHashMap<>(s.nodes);
        s.nodes.clear();
        for (var e : copy.entrySet()) {
            Scenario.Node n = e.getValue();
            if (n.choices != null) for (Scenario.Reply r : n.choices) r.next = r.next == null ? null : rename.getOrDefault(r.next, r.next);
            s.nodes.put(rename.getOrDefault(e.getKey(), e.getKey()), n);
        }
        s.start = s.start == null ? null : rename.getOrDefault(s.start, s.start);
    }

    /** The convention's tags for a node: its Yarn node's tags: header, then its lines' hashtags (which win). */
    private Convention.Tags nodeTags(YNode y, List<String> lineTags) {
        List<String> all = new ArrayList<>();
        y.tags.forEach(t -> all.add(t.text()));
        for (String t : lineTags) if (!t.startsWith("line:")) all.add(t);
        return convention.read(all);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private void warnOnce(String code, int line, int col, String message) {
        if (warned.add(code + ':' + line + ':' + col)) report.warn(code, line, col, message);
    }

    private static String keyword(String command) {
        String inner = command.startsWith("<<") ? command.substring(2) : command;
        if (inner.endsWith(">>")) inner = inner.substring(0, inner.length() - 2);
        inner = inner.strip();
        int end = 0;
        while (end < inner.length() && !Character.isWhitespace(inner.charAt(end)) && inner.charAt(end) != '{') end++;
        return inner.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** Yarn's escapes: a backslash makes the next character plain text. */
    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) c = s.charAt(++i);
            b.append(c);
        }
        return b.toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String shorten(String s) {
        String t = s.strip();
        return t.length() <= 60 ? t : t.substring(0, 57) + "...";
    }
}
