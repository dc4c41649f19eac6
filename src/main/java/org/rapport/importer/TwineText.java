package org.rapport.importer;

import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One passage's text: its links by the Twine 2 editor's own rule (klembot/twinejs, src/util/parse-links.ts: a setter
 * after {@code ][} is dropped; then the target is after the rightmost {@code ->}, else before the leftmost {@code <-},
 * else after the last {@code |}, else the whole text; a target starting with {@code word://} is external), the
 * convention's field lines ({@code why: ...}), and the words left once markup, macros and code are taken out. Every
 * removal of a macro or code is reported at its offset in the passage text; nothing is run.
 */
final class TwineText {
    record Link(String text, String target, int offset, boolean external) {
    }

    /** Receives a warning at an offset into the passage's text. */
    interface Sink {
        void warn(String code, int offset, String message);
    }

    /** Field lines the convention reads from a passage's text: {@code why: ...} and the like, at the start of a line. */
    static final Pattern FIELD = Pattern.compile("^(why|summary|note|title|emotion):[ \\t]*(.*)$");
    private static final Pattern CHAPBOOK_VAR = Pattern.compile("^[A-Za-z_][\\w.]*(\\s*\\(.*\\))?\\s*:.*$");
    private static final Pattern MODIFIER = Pattern.compile("^\\[[^\\[\\]]*\\]$");
    private static final Pattern CHOICE_MACRO = Pattern.compile(
            "(?i).*(link|button|choice|goto|go-to|answer|click|action|include|display|embed|cycle|listbox|radio|checkbox|return|back|restart|prompt).*");
    private static final Pattern HARLOWE = Pattern.compile("\\(([A-Za-z][\\w-]*):");
    private static final Pattern EXTERNAL = Pattern.compile("^\\w+://?/?\\w.*", Pattern.DOTALL);
    private static final Pattern VARIABLE = Pattern.compile("(?<![\\w$])\\$[A-Za-z_]\\w*");
    private static final int LONGEST_CONSTRUCT = 20_000;

    final String say;
    final List<Link> links;
    final Map<String, String> fields;
    /** True when the text calls a macro that can show choices at run time ({@code <<link>>}, {@code (link-goto:)} ...). */
    final boolean choiceMacros;

    private TwineText(String say, List<Link> links, Map<String, String> fields, boolean choiceMacros) {
        this.say = say;
        this.links = links;
        this.fields = fields;
        this.choiceMacros = choiceMacros;
    }

    static TwineText parse(String raw, Sink sink) {
        StringBuilder w = new StringBuilder(raw);
        List<Link> links = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        boolean[] choice = {false};
        boolean markup = false;
        chapbookVars(raw, w, sink);
        // field lines
        int lineStart = 0;
        while (lineStart <= raw.length()) {
            int lineEnd = raw.indexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = raw.length();
            String line = raw.substring(lineStart, lineEnd);
            Matcher f = FIELD.matcher(line.strip());
            if (f.matches() && !isMasked(w, lineStart, lineEnd)) {
                String value = clean(f.group(2));
                if (!value.isEmpty()) fields.putIfAbsent(f.group(1), value);
                mask(w, lineStart, lineEnd);
            } else if (MODIFIER.matcher(line.strip()).matches() && !line.strip().startsWith("[[")) {
                String m = line.strip();
                String word = m.substring(1).strip().toLowerCase(Locale.ROOT);
                boolean condition = word.startsWith("if") || word.startsWith("unless") || word.startsWith("else");
                sink.warn(condition ? "RAP115" : "RAP110", lineStart + line.indexOf('['), "The modifier " + m
                        + (condition ? " makes text conditional, which a Rapport node cannot be; all its text was kept." : " was removed."));
                mask(w, lineStart, lineEnd);
            }
            lineStart = lineEnd + 1;
        }
        int i = 0;
        int hookDepth = 0;
        while (i < raw.length()) {
            if (w.charAt(i) == ' ' && raw.charAt(i) != ' ') { // already masked
                i++;
                continue;
            }
            char c = raw.charAt(i);
            if (raw.startsWith("[[", i)) {
                int end = raw.indexOf("]]", i + 2);
                int nl = raw.indexOf('\n', i + 2);
                if (end >= 0 && (nl < 0 || end < nl)) {
                    // like the editor's /\[\[.*?\]\]/: the first ]] on the same line
                    Link link = link(raw.substring(i + 2, end), i, sink);
                    if (link != null) links.add(link);
                    mask(w, i, end + 2);
                    i = end + 2;
                    continue;
                }
            }
            if (raw.startsWith("<<", i)) {
                int end = find(raw, ">>", i + 2);
                if (end >= 0) {
                    String body = raw.substring(i + 2, end).strip();
                    String name = body.split("[\\s>]", 2)[0];
                    if (!name.startsWith("/") && !name.equals("else")) {
                        if (CHOICE_MACRO.matcher(name).matches()) choice[0] = true;
                        boolean logic = name.matches("(?i)set|unset|if|elseif|run|script|capture|temp|remember|forget|for|switch|case|do");
                        sink.warn(logic ? "RAP115" : "RAP110", i, "The macro <<" + shorten(body) + ">> was removed"
                                + (logic ? ": variables and conditions are not expressible in Rapport." : "."));
                    }
                    mask(w, i, end + 2);
                    i = end + 2;
                    continue;
                }
            }
            if (c == '(') {
                Matcher h = HARLOWE.matcher(raw).region(i, Math.min(raw.length(), i + 40));
                if (h.lookingAt()) {
                    int end = matching(raw, i, '(', ')');
                    if (end >= 0) {
                        String name = h.group(1);
                        if (CHOICE_MACRO.matcher(name).matches()) choice[0] = true;
                        boolean logic = name.matches("(?i)set|put|move|if|else-if|unless|else|either|random|cond|nth|for|loop|live|event|history|visits|count");
                        sink.warn(logic ? "RAP115" : "RAP110", i, "The macro (" + shorten(raw.substring(i + 1, end))
                                + ") was removed" + (logic ? ": variables, conditions and chance are not expressible in Rapport." : "."));
                        mask(w, i, end + 1);
                        int j = end + 1;
                        while (j < raw.length() && raw.charAt(j) == ' ') j++;
                        if (j < raw.length() && raw.charAt(j) == '[' && !raw.startsWith("[[", j)) {
                            mask(w, j, j + 1); // a hook: its brackets go, its text stays
                            hookDepth++;
                            i = j + 1;
                        } else {
                            i = end + 1;
                        }
                        continue;
                    }
                }
            }
            if (c == ']' && hookDepth > 0) {
                hookDepth--;
                mask(w, i, i + 1);
                i++;
                continue;
            }
            if (raw.startsWith("<%", i) || raw.startsWith("<$", i)) {
                String close = raw.charAt(i + 1) == '%' ? "%>" : "$>";
                int end = find(raw, close, i + 2);
                if (end >= 0) {
                    sink.warn("RAP115", i, "Code " + shorten(raw.substring(i, end + 2)) + " was removed: Rapport runs no code.");
                    mask(w, i, end + 2);
                    i = end + 2;
                    continue;
                }
            }
            if (raw.startsWith("<!--", i) || raw.startsWith("/*", i)) {
                String close = raw.charAt(i) == '<' ? "-->" : "*/";
                int end = find(raw, close, i + 2);
                if (end >= 0) {
                    markup = true;
                    mask(w, i, end + close.length());
                    i = end + close.length();
                    continue;
                }
            }
            if (c == '<' && i + 1 < raw.length()) {
                String lower = raw.substring(i, Math.min(raw.length(), i + 8)).toLowerCase(Locale.ROOT);
                if (lower.startsWith("<script") || lower.startsWith("<style")) {
                    String close = lower.startsWith("<script") ? "</script>" : "</style>";
                    int end = find(raw.toLowerCase(Locale.ROOT), close, i);
                    int stop = end < 0 ? raw.length() : end + close.length();
                    sink.warn("RAP110", i, "An HTML " + (close.contains("script") ? "script" : "style") + " element was removed.");
                    mask(w, i, stop);
                    i = stop;
                    continue;
                }
                char d = raw.charAt(i + 1);
                if (Character.isLetter(d) || (d == '/' && i + 2 < raw.length() && Character.isLetter(raw.charAt(i + 2)))) {
                    int end = raw.indexOf('>', i);
                    if (end >= 0 && end - i < 1000) {
                        markup = true;
                        String tag = raw.substring(i + 1, end).toLowerCase(Locale.ROOT).replace("/", "").strip();
                        mask(w, i, end + 1);
                        if (tag.startsWith("br") || tag.equals("p") || tag.startsWith("p ") || tag.startsWith("div") || tag.startsWith("li")) {
                            w.setCharAt(i, '\n');
                        }
                        i = end + 1;
                        continue;
                    }
                }
            }
            if (c == '{' && i + 1 < raw.length() && Character.isLetter(raw.charAt(i + 1))) {
                int end = raw.indexOf('}', i);
                int nl = raw.indexOf('\n', i);
                if (end >= 0 && (nl < 0 || end < nl)) {
                    String body = raw.substring(i + 1, end);
                    if (CHOICE_MACRO.matcher(body).matches()) choice[0] = true;
                    sink.warn("RAP110", i, "The insert {" + shorten(body) + "} was removed.");
                    mask(w, i, end + 1);
                    i = end + 1;
                    continue;
                }
            }
            if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == '\n') { // SugarCube line continuation
                w.setCharAt(i, ' ');
                w.setCharAt(i + 1, ' ');
                i += 2;
                continue;
            }
            i++;
        }
        String text = w.toString();
        Matcher v = VARIABLE.matcher(text);
        if (v.find()) {
            sink.warn("RAP115", v.start(), "The variable " + v.group() + " is shown in the text; Rapport has no variables, so it "
                    + "was kept as written. Replace it with the words it stands for.");
        }
        String formatted = unformat(text);
        if (!formatted.equals(text)) markup = true;
        if (markup) sink.warn("RAP110", 0, "Formatting (HTML tags, bold and italic marks, comments) was removed from the text.");
        return new TwineText(words(formatted), links, fields, choice[0]);
    }

    /** Chapbook's variables section: {@code name: value} lines above a line that is just {@code --}. */
    private static void chapbookVars(String raw, StringBuilder w, Sink sink) {
        String[] lines = raw.split("\n", -1);
        int sep = -1;
        for (int k = 0; k < lines.length; k++) {
            if (lines[k].strip().equals("--")) {
                sep = k;
                break;
            }
        }
        if (sep <= 0) return;
        for (int k = 0; k < sep; k++) {
            if (!lines[k].isBlank() && !CHAPBOOK_VAR.matcher(lines[k].strip()).matches()) return;
        }
        int end = 0;
        for (int k = 0; k <= sep; k++) end += lines[k].length() + 1;
        sink.warn("RAP115", 0, "The Chapbook variables section (" + sep + (sep == 1 ? " line" : " lines")
                + " above \"--\") was removed: Rapport has no variables.");
        mask(w, 0, Math.min(end, raw.length()));
    }

    private static Link link(String content, int offset, Sink sink) {
        String c = content;
        int setter = c.indexOf("][");
        if (setter >= 0) {
            sink.warn("RAP115", offset, "The setter of the link [[" + shorten(content) + "]] was removed: Rapport has no variables.");
            c = c.substring(0, setter);
        }
        String target;
        String text;
        int r = c.lastIndexOf("->");
        int l = c.indexOf("<-");
        int b = c.lastIndexOf('|');
        if (r >= 0 && r + 2 < c.length()) {
            target = c.substring(r + 2);
            text = c.substring(0, r);
        } else if (l > 0) {
            target = c.substring(0, l);
            text = c.substring(l + 2);
        } else if (b >= 0 && b + 1 < c.length()) {
            target = c.substring(b + 1);
            text = c.substring(0, b);
        } else {
            target = c;
            text = c;
        }
        target = target.strip();
        if (target.isEmpty()) return null;
        return new Link(clean(text), target, offset, EXTERNAL.matcher(target).matches());
    }

    /** A short text with its markup and surplus spaces taken out, for link texts and field values. */
    static String clean(String s) {
        String t = s.replaceAll("<[^<>]{0,500}>", " ");
        return words(unformat(t));
    }

    private static String unformat(String s) {
        return s.replace("''", "").replace("**", "").replace("__", "").replace("~~", "").replace("^^", "")
                .replaceAll("(?<!:)//", "");
    }

    /** HTML entities decoded, each line trimmed, blank lines dropped, lines joined with one space. */
    private static String words(String s) {
        String decoded = Parser.unescapeEntities(s, false);
        StringBuilder sb = new StringBuilder();
        for (String line : decoded.split("\n")) {
            String t = line.strip().replaceAll("[ \\t\\u00a0]+", " ");
            if (t.isEmpty()) continue;
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(t);
        }
        return sb.toString();
    }

    private static void mask(StringBuilder w, int from, int to) {
        for (int k = from; k < to && k < w.length(); k++) {
            if (w.charAt(k) != '\n') w.setCharAt(k, ' ');
        }
    }

    private static boolean isMasked(StringBuilder w, int from, int to) {
        for (int k = from; k < to; k++) if (w.charAt(k) != ' ' && w.charAt(k) != '\n') return false;
        return to > from;
    }

    /** The index of {@code close} after {@code from}, looking no further than a bound, or -1. */
    private static int find(String s, String close, int from) {
        int end = s.indexOf(close, from);
        return end >= 0 && end - from <= LONGEST_CONSTRUCT ? end : -1;
    }

    /** The index of the bracket that closes the one at {@code open}, skipping quoted text; -1 if none within a bound. */
    private static int matching(String s, int open, char o, char c) {
        int depth = 0;
        char quote = 0;
        for (int k = open; k < s.length() && k - open <= LONGEST_CONSTRUCT; k++) {
            char ch = s.charAt(k);
            if (quote != 0) {
                if (ch == '\\') k++;
                else if (ch == quote) quote = 0;
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if (ch == o) {
                depth++;
            } else if (ch == c && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 50 ? one : one.substring(0, 47) + "...";
    }
}
