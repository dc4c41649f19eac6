package org.rapport.coach;

import org.tartarus.snowball.ext.EnglishStemmer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed text as words the coach can compare: lower-cased, curly apostrophes made straight, contractions expanded
 * ("I'll" → "i will", "can't" → "can not"), each word stemmed with the Snowball English stemmer, and each keeping its
 * character span in the text as typed (both halves of an expanded contraction keep the span of the whole word).
 * A word is a run of letters (with apostrophes inside) or a run of digits; "5pm" is two words. Sentences end at
 * {@code . ! ?}, a semicolon or a line break (a full stop between digits, as in 3.50, ends none).
 */
final class Words {
    /**
     * One word: its stem, whether it is a number written in digits, its span in the text, its sentence, and its clause
     * (sentences split further at commas, colons and dashes).
     */
    record Word(String stem, boolean digits, int start, int end, int sentence, int clause) {
    }

    private static final Map<String, List<String>> WHOLE = Map.of(
            "won't", List.of("will", "not"), "can't", List.of("can", "not"), "shan't", List.of("shall", "not"),
            "let's", List.of("let", "us"), "ain't", List.of("is", "not"), "i'm", List.of("i", "am"));
    /** Words whose "'s" is "is" ("it's", "that's"); any other "'s" is a possessive and is dropped. */
    private static final Set<String> IS_BEFORE = Set.of("it", "that", "there", "here", "what", "who", "where", "he",
            "she", "how", "when", "this", "everything", "nothing", "something", "someone", "everyone", "one");

    private Words() {
    }

    static List<Word> of(String text) {
        List<Word> out = new ArrayList<>();
        EnglishStemmer stemmer = new EnglishStemmer();
        int n = text.length();
        int sentence = 0;
        int clause = 0;
        int i = 0;
        StringBuilder w = new StringBuilder();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                int start = i;
                w.setLength(0);
                while (i < n) {
                    char ch = text.charAt(i);
                    if (Character.isLetter(ch)) {
                        w.append(Character.toLowerCase(ch));
                        i++;
                    } else if (isApostrophe(ch) && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                        w.append('\'');
                        i++;
                    } else {
                        break;
                    }
                }
                for (String part : expand(w.toString())) {
                    out.add(new Word(stem(stemmer, part), false, start, i, sentence, clause));
                }
            } else if (c >= '0' && c <= '9') {
                int start = i;
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
                out.add(new Word(text.substring(start, i), true, start, i, sentence, clause));
            } else {
                boolean decimal = c == '.' && i > 0 && i + 1 < n && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
                if (!decimal && (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '\r')) {
                    sentence++;
                    clause++;
                } else if (c == ',' || c == ':' || c == '\u2013' || c == '\u2014' || (c == '-' && i > 0 && text.charAt(i - 1) == ' ')) {
                    clause++;
                }
                i++;
            }
        }
        return out;
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC';
    }

    /** A contraction as the words it stands for; any other word alone. */
    static List<String> expand(String w) {
        if (w.indexOf('\'') < 0) return List.of(w);
        List<String> whole = WHOLE.get(w);
        if (whole != null) return whole;
        if (w.endsWith("n't") && w.length() > 3) return List.of(w.substring(0, w.length() - 3), "not");
        int at = w.lastIndexOf('\'');
        String head = w.substring(0, at);
        String tail = w.substring(at + 1);
        if (head.isEmpty()) return List.of(tail);
        return switch (tail) {
            case "ll" -> List.of(head, "will");
            case "re" -> List.of(head, "are");
            case "ve" -> List.of(head, "have");
            case "m" -> List.of(head, "am");
            case "d" -> List.of(head, "would");
            case "s" -> IS_BEFORE.contains(head) ? List.of(head, "is") : List.of(head);
            default -> List.of(w);
        };
    }

    private static String stem(EnglishStemmer stemmer, String word) {
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
