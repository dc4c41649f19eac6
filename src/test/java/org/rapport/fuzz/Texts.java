package org.rapport.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/** Random text for generated dialogues: plain words, or words mixed with every kind of character JSON must carry. */
final class Texts {
    private Texts() {
    }

    static final List<String> WORDS = List.of("I", "you", "we", "the", "order", "refund", "sorry", "today", "manager",
            "policy", "hold", "an", "hour", "why", "listen", "help", "account", "parcel", "late", "again", "never", "fine",
            "thank", "really", "upset", "can", "not", "believe", "this", "happened", "let", "me", "check", "that");

    /** Characters and sequences a parser must carry through untouched (escapes, astral planes, invisible ones). */
    static final List<String> ODD = List.of("caf\u00e9", "na\u00efve", "\u4f60\u597d", "\ud83d\ude00",
            "\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67", "\u0645\u0631\u062d\u0628\u0627", "e\u0301", "\"", "\\",
            "\n", "\t", "\r", "\u2028", "\u2029", "\u0001", "\u001f", "/", "</script>", "\u200b", "\ufeff", "\u00a0",
            "\ud800", "\udfff", "\u0000", "{", "}", "[", "]", ":", ",", "\\u0041", "%s", "${x}", "\u202e");

    static String plain(SplittableRandom r, int minChars, int maxChars) {
        int target = minChars + r.nextInt(Math.max(1, maxChars - minChars + 1));
        StringBuilder sb = new StringBuilder();
        while (sb.length() < target) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(WORDS.get(r.nextInt(WORDS.size())));
        }
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        return sb.append('.').toString();
    }

    /** Between {@code minWords} and {@code maxWords} plain words, as a sentence. */
    static String words(SplittableRandom r, int minWords, int maxWords) {
        int n = minWords + r.nextInt(maxWords - minWords + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append(' ');
            sb.append(WORDS.get(r.nextInt(WORDS.size())));
        }
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        return sb.append('.').toString();
    }

    /** Words mixed with odd characters; may be empty when {@code maxWords} allows none. */
    static String odd(SplittableRandom r, int maxWords) {
        int n = r.nextInt(maxWords + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0 && r.nextInt(3) > 0) sb.append(' ');
            List<String> pool = r.nextInt(4) == 0 ? ODD : WORDS;
            sb.append(pool.get(r.nextInt(pool.size())));
        }
        return sb.toString();
    }

    /**
     * Text a "why" can be: at least twelve plain words (RAP052 counts words split at whitespace), with odd
     * characters and more words mixed in.
     */
    static String nonBlank(SplittableRandom r, int maxWords) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(WORDS.get(r.nextInt(WORDS.size()))).append(' ');
            if (r.nextInt(4) == 0) sb.append(odd(r, 1)).append(' ');
        }
        return sb.append(odd(r, maxWords)).toString();
    }

    /** A random kebab-case word such as {@code calm-3}. */
    static String kebab(SplittableRandom r) {
        int parts = 1 + r.nextInt(3);
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < parts; p++) {
            if (p > 0) sb.append('-');
            int len = 1 + r.nextInt(6);
            for (int i = 0; i < len; i++) {
                int k = r.nextInt(36);
                sb.append((char) (k < 26 ? 'a' + k : '0' + k - 26));
            }
        }
        return sb.toString();
    }
}
