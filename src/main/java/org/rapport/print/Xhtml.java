package org.rapport.print;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The frame every printable document shares: well-formed XHTML (so the same text opens in a browser and renders to
 * PDF), the style sheet inlined, and escaping that also drops characters XML cannot hold.
 */
public final class Xhtml {
    private static final String CSS = resource("print.css");

    private Xhtml() {
    }

    /** Opens a document: the XML-safe head with the shared style sheet plus {@code extraCss}, and the body tag. */
    public static StringBuilder open(String title, String extraCss) {
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"generator\" content=\"Rapport\"/>\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS)
                .append("@page { @bottom-left { content: \"").append(cssString(title))
                .append("\"; font-family: \"DejaVu Sans\", sans-serif; font-size: 8pt; color: #59636e; } }\n");
        if (extraCss != null) h.append(extraCss);
        h.append("</style>\n</head>\n<body>\n");
        return h;
    }

    public static String close(StringBuilder h) {
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /**
     * Escapes text for XHTML content and attribute values. Characters XML 1.0 cannot carry (control characters other
     * than tab and line breaks, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so no text from a file can break the page.
     */
    /**
     * The pre-brief as a block: what the scenario asks of the trainee and what the agent may and may not do. Nothing
     * when the dialogue has none. {@code heading} is the block's title ("Before you start", "What the trainee reads first").
     */
    public static void prebrief(StringBuilder h, org.rapport.model.Prebrief p, String heading) {
        if (p.isEmpty()) return;
        h.append("<div class=\"prebrief\">\n<h2>").append(esc(heading)).append("</h2>\n");
        list(h, "Objectives", p.objectives());
        list(h, "What the agent may do", p.mayDo());
        list(h, "What the agent may not do", p.mayNotDo());
        h.append("</div>\n");
    }

    private static void list(StringBuilder h, String label, java.util.List<String> items) {
        if (items.isEmpty()) return;
        h.append("<p><span class=\"label\">").append(esc(label)).append("</span></p>\n<ul>\n");
        for (String item : items) h.append("<li>").append(esc(item)).append("</li>\n");
        h.append("</ul>\n");
    }

    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * Text for inside a CSS string: quotes, backslashes, line breaks and the characters XML and HTML treat specially are
     * written as CSS escapes, so the same text is right whether the page is read as XML (PDF) or HTML (a browser).
     */
    static String cssString(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF) {
                b.append('\\').append(Integer.toHexString(c)).append(' ');
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    static String resource(String name) {
        try (InputStream in = Xhtml.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
