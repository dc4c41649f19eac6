package org.rapport.format;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest known word for a misspelt one ("chioces" → "choices"). */
public final class DidYouMean {
    private DidYouMean() {
    }

    public static Optional<String> closest(String word, Collection<String> known) {
        if (word.length() > 100) return Optional.empty();
        String lower = word.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            // The distance is at least the difference in length (and lower-casing never shortens a word): skip words
            // too long to be close, so that a known word of a million characters (a broken node id) costs nothing
            // instead of a 100-million-cell table.
            if (k.length() > lower.length() + allowed) continue;
            int d = distance(lower, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * Up to {@code limit} known words nearest to {@code word} (fewest edits first, ties in the order given), for
     * "did you mean one of these" lists.
     */
    public static java.util.List<String> nearest(String word, Collection<String> known, int limit) {
        String lower = word.length() > 100 ? word.substring(0, 100).toLowerCase(Locale.ROOT) : word.toLowerCase(Locale.ROOT);
        java.util.List<String> all = new java.util.ArrayList<>(known);
        java.util.Map<String, Integer> d = new java.util.HashMap<>();
        for (String k : all) d.put(k, distance(lower, k.length() > 200 ? k.substring(0, 200) : k.toLowerCase(Locale.ROOT)));
        all.sort(java.util.Comparator.comparingInt(d::get));
        return all.subList(0, Math.min(limit, all.size()));
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
