package org.rapport.ui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every text and background pair Rapport's theme puts together meets WCAG 2.1 AA in both themes: 4.5:1 for text,
 * 3:1 for focus rings, frames and icons. The colours are not read off the screen: the test resolves each -rap-* token
 * of rapport.css through the AtlantaFX palette (-color-*) of the light and the dark theme, and computes the ratio.
 */
class ContrastTest {
    static final double TEXT = 4.5;
    static final double NON_TEXT = 3.0;

    /** What sits on what in rapport.css: foreground token, background token, the minimum ratio, where it is used. */
    record Pair(String fg, String bg, double min, String where) {
    }

    static final List<Pair> PAIRS = List.of(
            new Pair("-rap-fg", "-rap-bg", TEXT, "text on the page"),
            new Pair("-rap-fg", "-rap-surface", TEXT, "text on cards, the app bar, feedback and the pre-brief"),
            new Pair("-rap-fg", "-rap-customer-bubble", TEXT, "the customer's lines"),
            new Pair("-rap-fg", "-rap-trainee-bubble", TEXT, "the trainee's lines"),
            new Pair("-rap-fg", "-rap-accent-soft", TEXT, "the practice badge, highlighted rows"),
            new Pair("-rap-fg", "-rap-weak-soft", TEXT, "the assessment badge"),
            new Pair("-rap-fg-muted", "-rap-bg", TEXT, "hints, the setting line, muted labels"),
            new Pair("-rap-fg-muted", "-rap-surface", TEXT, "muted labels on cards"),
            new Pair("-rap-best", "-rap-best-soft", TEXT, "the grade word 'Best' on its chip"),
            new Pair("-rap-good", "-rap-good-soft", TEXT, "the grade word 'Good' on its chip"),
            new Pair("-rap-weak", "-rap-weak-soft", TEXT, "the grade word 'Weak' on its chip"),
            new Pair("-rap-harmful", "-rap-harmful-soft", TEXT, "the grade word 'Harmful' on its chip"),
            new Pair("-rap-best", "-rap-surface", TEXT, "grade words inside the feedback box"),
            new Pair("-rap-harmful", "-rap-surface", TEXT, "grade words inside the feedback box"),
            new Pair("-rap-weak", "-rap-surface", TEXT, "grade words inside the feedback box"),
            new Pair("-rap-good", "-rap-surface", TEXT, "grade words inside the feedback box"),
            new Pair("-rap-best", "-rap-bg", TEXT, "grade words in the debrief"),
            new Pair("-rap-harmful", "-rap-bg", TEXT, "grade words in the debrief"),
            new Pair("-rap-weak", "-rap-bg", TEXT, "grade words in the debrief"),
            new Pair("-rap-good", "-rap-bg", TEXT, "grade words in the debrief"),
            new Pair("-color-fg-emphasis", "-rap-accent", TEXT, "text on accent buttons (Start, See the debrief)"),
            new Pair("-rap-focus", "-rap-bg", NON_TEXT, "the focus ring on the page"),
            new Pair("-rap-focus", "-rap-surface", NON_TEXT, "the focus ring on cards"),
            new Pair("-rap-accent", "-rap-bg", NON_TEXT, "the frame of the reply about to be sent"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"primer-light", "primer-dark"})
    void everyPairTheThemePutsTogetherMeetsAA(String theme) throws IOException {
        Map<String, String> vars = new HashMap<>(variables(resource("/atlantafx/base/theme/" + theme + ".css"), ".root"));
        String ours = resource("/org/rapport/ui/rapport.css");
        vars.putAll(variables(ours, ".root"));
        if (theme.endsWith("dark")) vars.putAll(variables(ours, ".root.dark")); // what AppShell.applyTheme switches on
        List<String> failures = new ArrayList<>();
        for (Pair p : PAIRS) {
            double[] fg = colour(vars, p.fg());
            double[] bg = colour(vars, p.bg());
            // A translucent background (the dark theme's soft tints) shows over the page or a card: take the worse.
            double ratio = Double.MAX_VALUE;
            for (String under : List.of("-rap-bg", "-rap-surface")) {
                double[] solid = over(bg, colour(vars, under));
                ratio = Math.min(ratio, ratio(over(fg, solid), solid));
            }
            if (ratio + 1e-9 < p.min()) {
                failures.add(String.format(Locale.ROOT, "%s on %s: %.2f:1, needs %.1f:1 (%s)", p.fg(), p.bg(), ratio, p.min(), p.where()));
            }
        }
        assertEquals(List.of(), failures, theme);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"primer-light", "primer-dark"})
    void theRatioIsComputedAsWcagDefinesIt(String ignored) {
        assertEquals(21.0, ratio(new double[]{0, 0, 0, 1}, new double[]{1, 1, 1, 1}), 1e-9);
        assertEquals(1.0, ratio(new double[]{0.5, 0.5, 0.5, 1}, new double[]{0.5, 0.5, 0.5, 1}), 1e-9);
        // #767676 on white is the classic just-passing grey: 4.54:1.
        double g = 0x76 / 255.0;
        assertEquals(4.54, ratio(new double[]{g, g, g, 1}, new double[]{1, 1, 1, 1}), 0.01);
    }

    // == the colours ==

    private static String resource(String name) throws IOException {
        try (InputStream in = ContrastTest.class.getResourceAsStream(name)) {
            assertTrue(in != null, "missing " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The looked-up colours declared in the first rule whose selector is exactly {@code selector}. */
    static Map<String, String> variables(String css, String selector) {
        css = css.replaceAll("(?s)/\\*.*?\\*/", "");
        Matcher rule = Pattern.compile("(?m)^\\s*" + Pattern.quote(selector) + "\\s*\\{([^}]*)\\}").matcher(css);
        assertTrue(rule.find(), "no " + selector + " rule");
        Map<String, String> out = new HashMap<>();
        Matcher decl = Pattern.compile("(-[\\w-]+)\\s*:\\s*([^;]+);").matcher(rule.group(1));
        while (decl.find()) out.put(decl.group(1), decl.group(2).trim());
        return out;
    }

    /** An RGBA colour (0..1) for a token, following references to other looked-up colours. */
    static double[] colour(Map<String, String> vars, String name) {
        String v = name;
        for (int i = 0; i < 20 && v.startsWith("-"); i++) {
            String next = vars.get(v);
            assertTrue(next != null, "the token " + v + " is not defined");
            v = next;
        }
        v = v.toLowerCase(Locale.ROOT);
        if (v.startsWith("#")) {
            String h = v.substring(1);
            if (h.length() == 3) h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
            double a = h.length() == 8 ? Integer.parseInt(h.substring(6, 8), 16) / 255.0 : 1;
            return new double[]{Integer.parseInt(h.substring(0, 2), 16) / 255.0, Integer.parseInt(h.substring(2, 4), 16) / 255.0,
                    Integer.parseInt(h.substring(4, 6), 16) / 255.0, a};
        }
        Matcher m = Pattern.compile("rgba?\\(\\s*([\\d.]+)\\s*,\\s*([\\d.]+)\\s*,\\s*([\\d.]+)\\s*(?:,\\s*([\\d.]+)\\s*)?\\)").matcher(v);
        assertTrue(m.matches(), "cannot read the colour " + v + " of " + name);
        return new double[]{Double.parseDouble(m.group(1)) / 255, Double.parseDouble(m.group(2)) / 255, Double.parseDouble(m.group(3)) / 255,
                m.group(4) == null ? 1 : Double.parseDouble(m.group(4))};
    }

    /** A translucent colour as it shows over an opaque background. */
    static double[] over(double[] fg, double[] bg) {
        double a = fg[3];
        return new double[]{fg[0] * a + bg[0] * (1 - a), fg[1] * a + bg[1] * (1 - a), fg[2] * a + bg[2] * (1 - a), 1};
    }

    static double ratio(double[] a, double[] b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(double[] c) {
        return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
    }

    private static double lin(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
