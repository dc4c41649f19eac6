package org.rapport.importer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twee 3 (twine-specs, twee-3-specification.md) and the older Twee2 dialect: {@code :: Name [tags] {metadata}}
 * headers, with or without a space after {@code ::}; backslash escapes in names and tags; a Twee2 position block
 * {@code <x,y>} is noted and ignored; StoryTitle and StoryData (JSON) give the title, the start and the story format.
 */
final class TweeReader {
    private static final Pattern TWEE2_POSITION = Pattern.compile("\\s*<\\s*-?\\d+(?:\\.\\d+)?\\s*,\\s*-?\\d+(?:\\.\\d+)?\\s*>\\s*$");

    private TweeReader() {
    }

    /** {@code text} is the whole file, already decoded, without a BOM, with {@code \n} line ends. */
    static TwineStory read(String text, ImportReport report) {
        TwineStory story = new TwineStory();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length && !lines[i].startsWith("::")) i++;
        if (i == lines.length) {
            report.error("RAP101", 1, 1, "No passage header: a Twee file has lines that start with \"::\" and a passage name.");
            return null;
        }
        for (int k = 0; k < i; k++) {
            if (!lines[k].isBlank()) {
                report.warn("RAP119", k + 1, 1, "Text before the first passage header is not part of any passage; it was left out.");
                break;
            }
        }
        while (i < lines.length) {
            int header = i;
            int end = i + 1;
            while (end < lines.length && !lines[end].startsWith("::")) end++;
            int last = end;
            while (last > header + 1 && lines[last - 1].isBlank()) last--; // trailing blank lines are not content
            StringBuilder body = new StringBuilder();
            for (int k = header + 1; k < last; k++) {
                String l = lines[k].startsWith("\\::") ? lines[k].substring(1) : lines[k];
                if (k > header + 1) body.append('\n');
                body.append(l);
            }
            passage(lines[header], header + 1, body.toString(), story, report);
            i = end;
        }
        return story;
    }

    private static void passage(String headerLine, int lineNo, String body, TwineStory story, ImportReport report) {
        String rest = headerLine.substring(2);
        StringBuilder name = new StringBuilder();
        List<String> tags = new ArrayList<>();
        int p = 0;
        Matcher twee2 = TWEE2_POSITION.matcher(rest);
        if (twee2.find()) {
            report.warn("RAP119", lineNo, 3 + twee2.start(), "A Twee2 position block (" + twee2.group().strip()
                    + ") is editor layout; it was left out.");
            rest = rest.substring(0, twee2.start());
        }
        // the name: up to an unescaped [ or {
        while (p < rest.length()) {
            char c = rest.charAt(p);
            if (c == '\\' && p + 1 < rest.length()) {
                name.append(rest.charAt(p + 1));
                p += 2;
                continue;
            }
            if (c == '[' || c == '{') break;
            name.append(c);
            p++;
        }
        if (p < rest.length() && rest.charAt(p) == '[') {
            int open = p;
            StringBuilder tag = new StringBuilder();
            p++;
            boolean closed = false;
            while (p < rest.length()) {
                char c = rest.charAt(p);
                if (c == '\\' && p + 1 < rest.length()) {
                    tag.append(rest.charAt(p + 1));
                    p += 2;
                    continue;
                }
                p++;
                if (c == ']') {
                    closed = true;
                    break;
                }
                if (Character.isWhitespace(c)) {
                    if (!tag.isEmpty()) tags.add(tag.toString());
                    tag.setLength(0);
                } else {
                    tag.append(c);
                }
            }
            if (!tag.isEmpty()) tags.add(tag.toString());
            if (!closed) report.warn("RAP119", lineNo, 3 + open, "The tag block has no closing \"]\"; the tags were read to the end of the line.");
            while (p < rest.length() && rest.charAt(p) == ' ') p++;
        }
        if (p < rest.length() && rest.charAt(p) == '{') {
            String meta = rest.substring(p).strip();
            try {
                JsonElement e = JsonParser.parseString(meta);
                if (!e.isJsonObject()) throw new IllegalArgumentException("not an object");
            } catch (RuntimeException e) {
                report.warn("RAP119", lineNo, 3 + p, "The passage's metadata block is not a JSON object; it was discarded.");
            }
        } else if (p < rest.length() && !rest.substring(p).isBlank()) {
            report.warn("RAP119", lineNo, 3 + p, "Unexpected text after the passage's tags: \"" + rest.substring(p).strip()
                    + "\"; it was left out.");
        }
        String n = name.toString().strip();
        if (n.isEmpty()) {
            report.warn("RAP119", lineNo, 1, "A passage header without a name; the passage was left out.");
            return;
        }
        switch (n) {
            case "StoryTitle" -> {
                story.title = body.strip();
                return;
            }
            case "StoryData" -> {
                storyData(body, lineNo, story, report);
                return;
            }
            default -> {
            }
        }
        story.passages.add(new TwineStory.Passage(n, List.copyOf(tags), body, lineNo, 1, lineNo + 1, null));
    }

    private static void storyData(String body, int lineNo, TwineStory story, ImportReport report) {
        try {
            JsonElement e = JsonParser.parseString(body);
            if (!e.isJsonObject()) throw new IllegalArgumentException();
            JsonObject o = e.getAsJsonObject();
            story.start = text(o, "start");
            story.format = text(o, "format");
        } catch (RuntimeException e) {
            report.warn("RAP119", lineNo, 1, "StoryData is not a JSON object; it was discarded (the start is then the passage "
                    + "named Start, else the first passage).");
        }
    }

    private static String text(JsonObject o, String key) {
        JsonElement v = o.get(key);
        return v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isString() ? v.getAsString() : null;
    }
}
