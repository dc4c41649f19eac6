package org.rapport.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The web player's colours, light and dark, meet WCAG 2.2 AA: 4.5:1 for text, 3:1 for focus rings and the meter. */
class PlayerContrastTest {
    /** Text colour, background, and the ratio it needs. */
    static final String[][] PAIRS = {
            {"fg", "bg", "4.5"}, {"fg", "surface", "4.5"}, {"muted", "bg", "4.5"}, {"muted", "surface", "4.5"},
            {"fg", "customer", "4.5"}, {"fg", "trainee", "4.5"}, {"muted", "customer", "4.5"}, {"muted", "trainee", "4.5"},
            {"accent-fg", "accent", "4.5"}, {"best", "best-soft", "4.5"}, {"good", "good-soft", "4.5"},
            {"weak", "weak-soft", "4.5"}, {"harmful", "harmful-soft", "4.5"}, {"fg", "weak-soft", "4.5"}, {"fg", "best-soft", "4.5"},
            {"focus", "bg", "3"}, {"focus", "surface", "3"}, {"border", "bg", "1.3"}};

    @Test
    void everyTextColourMeetsAaOnItsBackgroundInBothSchemes() throws Exception {
        String css = new String(EngineParityTest.resource("/org/rapport/web/player/player.css"), StandardCharsets.UTF_8);
        int dark = css.indexOf("@media (prefers-color-scheme: dark)");
        Map<String, String> light = vars(css.substring(0, dark));
        Map<String, String> darkVars = new LinkedHashMap<>(light);
        darkVars.putAll(vars(css.substring(dark, css.indexOf("}\n}", dark))));
        List<String> failures = new ArrayList<>();
        for (var scheme : Map.of("light", light, "dark", darkVars).entrySet()) {
            for (String[] p : PAIRS) {
                double r = ratio(scheme.getValue().get(p[0]), scheme.getValue().get(p[1]));
                if (r < Double.parseDouble(p[2])) failures.add(scheme.getKey() + ": " + p[0] + " on " + p[1] + " is " + String.format("%.2f", r) + ":1, needs " + p[2]);
            }
        }
        assertEquals(List.of(), failures);
    }

    static Map<String, String> vars(String css) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher x = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})\\s*;").matcher(css);
        while (x.find()) m.put(x.group(1), x.group(2));
        return m;
    }

    static double ratio(String a, String b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
