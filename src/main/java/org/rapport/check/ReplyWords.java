package org.rapport.check;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a reply as {@link SurfaceCues} counts them for RAP064: sentences, "you" words, warm words, question marks
 * and the customer's words a reply repeats. Each count is what a regular expression over the text gave, worked out by
 * a scan instead (SurfaceCuesAgreeTest compares them with the expressions), because RAP064 reads every reply of a file.
 */
final class ReplyWords {
    /**
     * The warm words: these whole words, or a word that starts with one of {@link #WARM_STEMS} and goes on in ASCII
     * letters, digits or '_'. What {@code \b(sorry|apolog\w*|understand\w*|appreciat\w*|thank\w*|glad|happy|feel\w*|hear|heard|absolutely|truly|completely|totally|really)\b}
     * matches, case-insensitively (ASCII), counted word by word (see {@link #wordCounts}).
     */
    private static final String[] WARM_WORDS = {"sorry", "glad", "happy", "hear", "heard", "absolutely", "truly",
            "completely", "totally", "really"};
    private static final String[] WARM_STEMS = {"apolog", "understand", "appreciat", "thank", "feel"};
    /** The "you" words: what {@code \byou(?:r|rs|rself|rselves|'re|'ve|'ll|'d)?\b} counts, one per word. */
    private static final String[] YOU_WORDS = {"you", "your", "yours", "yourself", "yourselves"};
    static final Set<String> STOP = Set.of(("that this with have from what your yours they them their there just will been"
            + " were about would could should into when then than because right okay know like it's i'm don't can't we're you're"
            + " that's here going want need also even only some very much more does didn't doesn't i've i'll we'll we've you've"
            + " you'll they're there's what's let's which where while who's sure yeah well really").split(" "));

    private ReplyWords() {
    }

    static String normalize(String text) {
        return text.replace('\u2019', '\'').replace('\u2018', '\'');
    }

    /**
     * How many sentences: the pieces of the stripped text (curly apostrophes made straight) between sentence ends that
     * are not blank, a sentence end being a run of '.', '!' or '?', then any closing quotes, apostrophes or brackets,
     * then white space. What splitting on {@code [.!?]+["\u201d\u2019')]*\s+} counted, found by a scan
     * (SurfaceCuesAgreeTest holds it to the expression): the run of marks and of closers are taken whole, as the
     * expression takes them, because no closer is white space.
     */
    static int sentences(String text) {
        String t = text.strip(); // not normalized: a curly apostrophe is a closer as the straight one it would become
        int n = 0;
        int len = t.length();
        int pieceStart = 0;
        int i = 0;
        while (i < len) {
            if (!isSentenceMark(t.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < len && isSentenceMark(t.charAt(end))) end++;
            while (end < len && isCloser(t.charAt(end))) end++;
            int spaceStart = end;
            while (end < len && isRegexSpace(t.charAt(end))) end++;
            if (end == spaceStart) { // no white space: not a sentence end; carry on after the marks and closers
                i = end;
                continue;
            }
            if (!isBlank(t, pieceStart, i)) n++;
            pieceStart = end;
            i = end;
        }
        if (!isBlank(t, pieceStart, len)) n++;
        return n;
    }

    private static boolean isSentenceMark(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\u201d' || c == '\u2019' || c == '\u2018' || c == '\'' || c == ')';
    }

    /** White space as {@code \s} means it without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** {@code String.isBlank} of {@code t[from, to)}. */
    private static boolean isBlank(String t, int from, int to) {
        for (int k = from; k < to; ) {
            int cp = t.codePointAt(k);
            if (!Character.isWhitespace(cp)) return false;
            k += Character.charCount(cp);
        }
        return true;
    }

    /** How many "you" words the text has. */
    static int youWords(String text) {
        return (int) wordCounts(text);
    }

    /** How many warm words the text has. */
    static int warmWords(String text) {
        return (int) (wordCounts(text) >>> 32);
    }

    /**
     * The "you" words (low 32 bits) and warm words (high 32 bits) of a text, in one scan, exactly as the regular
     * expressions above count them. Their alternatives are all ASCII word characters, so a match is a whole run of
     * ASCII letters, digits and '_' with a word boundary on both sides, as java.util.regex draws boundaries (its
     * {@code \b} also counts other letters, digits and combining marks after a letter as word characters). So each
     * such run is compared with the lists, ignoring ASCII case as {@code CASE_INSENSITIVE} does. The apostrophe endings
     * of the "you" pattern ("you're") change no count: "you" matches on its own. SurfaceCuesAgreeTest holds this to
     * the regular expressions on every bundled reply and on random text.
     */
    static long wordCounts(String text) {
        int you = 0;
        int warm = 0;
        int len = text.length();
        int i = 0;
        while (i < len) {
            if (!isAsciiWord(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < len && isAsciiWord(text.charAt(i))) i++;
            char first = (char) (text.charAt(start) | 0x20); // an ASCII letter in lower case (digits and '_' match nothing)
            boolean isYou = first == 'y' && anyOf(YOU_WORDS, first, text, start, i, false);
            boolean isWarm = !isYou && (anyOf(WARM_WORDS, first, text, start, i, false) || anyOf(WARM_STEMS, first, text, start, i, true));
            if (!isYou && !isWarm) continue;
            if (wordBefore(text, start) || wordAt(text, i)) continue; // no boundary: part of a longer word
            if (isYou) you++;
            else warm++;
        }
        return ((long) warm << 32) | you;
    }

    private static boolean isAsciiWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** java.util.regex's word character (without UNICODE_CHARACTER_CLASS). */
    private static boolean isWord(int cp) {
        return cp == '_' || Character.isLetterOrDigit(cp);
    }

    /** Whether the code point before {@code i} is a word character to {@code \b} (Pattern.Bound, left side). */
    private static boolean wordBefore(String s, int i) {
        if (i == 0) return false;
        int cp = s.codePointBefore(i);
        return isWord(cp) || (Character.getType(cp) == Character.NON_SPACING_MARK && hasBase(s, i - 1));
    }

    /** Whether the code point at {@code i} is a word character to {@code \b} (Pattern.Bound, right side). */
    private static boolean wordAt(String s, int i) {
        if (i >= s.length()) return false;
        int cp = s.codePointAt(i);
        return isWord(cp) || (Character.getType(cp) == Character.NON_SPACING_MARK && hasBase(s, i));
    }

    /** Pattern.hasBaseCharacter: a letter or digit before {@code i}, with only non-spacing marks between. */
    private static boolean hasBase(String s, int i) {
        for (int x = i; x >= 0; x--) {
            int cp = s.codePointAt(x);
            if (Character.isLetterOrDigit(cp)) return true;
            if (Character.getType(cp) != Character.NON_SPACING_MARK) return false;
        }
        return false;
    }

    /**
     * Whether the ASCII run {@code text[from, to)} is one of {@code words} ignoring ASCII case, or with {@code stems},
     * starts with one (the rest of the run is what {@code \w*} takes).
     */
    private static boolean anyOf(String[] words, char first, String text, int from, int to, boolean stems) {
        int len = to - from;
        for (int k = 0; k < words.length; k++) {
            String w = words[k];
            if (w.charAt(0) != first || (stems ? len < w.length() : len != w.length())) continue;
            if (text.regionMatches(true, from, w, 0, w.length())) return true;
        }
        return false;
    }

    static int count(String text, char ch) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == ch) n++;
        return n;
    }

    /**
     * The distinct words of four letters or more that are not in {@link #STOP}: the matches of {@code [a-z]+(?:'[a-z]+)*}
     * in the lower-cased text, found by a scan instead of the regular expression (which this replaces, match for match).
     */
    static Set<String> contentWords(String text) {
        Set<String> out = new HashSet<>();
        String s = normalize(text).toLowerCase(Locale.ROOT);
        int len = s.length();
        int i = 0;
        while (i < len) {
            if (!isLetter(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < len && isLetter(s.charAt(i))) i++;
            while (i + 1 < len && s.charAt(i) == '\'' && isLetter(s.charAt(i + 1))) {
                i++;
                while (i < len && isLetter(s.charAt(i))) i++;
            }
            if (i - start >= 4) {
                String w = s.substring(start, i);
                if (!STOP.contains(w)) out.add(w);
            }
        }
        return out;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    /**
     * The words of contentWords' scan, {@code [a-z]+(?:'[a-z]+)*}, in a text lower-cased by {@link WordTable#lowerCase}:
     * each {@link #next} moves to the next one, with where it starts and ends and its {@link String#hashCode}.
     */
    private static final class Words {
        private final char[] s;
        private int i;
        int start;
        int end;
        int hash;

        Words(char[] s) {
            this.s = s;
        }

        boolean next() {
            int len = s.length;
            while (i < len && !isLetter(s[i])) i++;
            if (i >= len) return false;
            start = i;
            int h = 0;
            while (i < len && isLetter(s[i])) h = 31 * h + s[i++];
            while (i + 1 < len && s[i] == '\'' && isLetter(s[i + 1])) {
                h = 31 * h + s[i++];
                while (i < len && isLetter(s[i])) h = 31 * h + s[i++];
            }
            end = i;
            hash = h;
            return true;
        }
    }

    /**
     * The customer's content words, to count which of them a reply repeats without making a string of every word of
     * the reply: {@code echoedIn(reply)} is {@code echoed(reply, customer)}, the size of
     * {@code contentWords(reply)} intersected with these words. A word of the reply that is one of them is a content
     * word (long enough, not a stop word) because they all are, so only the words' letters need comparing.
     */
    static final class WordTable {
        /** {@link #STOP} as a table, so that the customer's words are sorted out without a string for each. */
        private static final WordTable STOP_WORDS = new WordTable(STOP);

        private String[] words;
        private int count;
        private final int[] slots; // open addressing: index into words + 1, 0 when empty

        WordTable(Set<String> customerWords) {
            this(customerWords.size());
            for (String w : customerWords) add(w, w.hashCode());
        }

        private WordTable(int capacity) {
            words = new String[capacity];
            slots = new int[Integer.highestOneBit(Math.max(4, capacity * 2)) * 2];
        }

        /**
         * The customer's content words, {@code new WordTable(contentWords(customer))}, found by the same scan as
         * {@link #echoedIn} reads a reply with: no lower-cased copy of the text, no set, and a string made only for
         * each distinct content word.
         */
        static WordTable ofCustomer(String customer) {
            char[] s = lowerCase(customer);
            WordTable table = new WordTable(s.length / 5 + 1); // a content word takes four letters and a separator
            for (Words w = new Words(s); w.next(); ) { // content words: four letters or more, not in STOP
                if (w.end - w.start < 4 || STOP_WORDS.find(s, w.start, w.end, w.hash) >= 0
                        || table.find(s, w.start, w.end, w.hash) >= 0) continue;
                table.add(new String(s, w.start, w.end - w.start), w.hash);
            }
            return table;
        }

        private void add(String word, int hash) {
            int k = hash & (slots.length - 1);
            while (slots[k] != 0) k = (k + 1) & (slots.length - 1);
            words[count] = word;
            slots[k] = ++count;
        }

        int echoedIn(String reply) {
            if (count == 0) return 0;
            char[] s = lowerCase(reply);
            boolean[] seen = new boolean[count];
            int echoed = 0;
            for (Words w = new Words(s); w.next(); ) {
                int k = find(s, w.start, w.end, w.hash);
                if (k >= 0 && !seen[k]) {
                    seen[k] = true;
                    echoed++;
                }
            }
            return echoed;
        }

        private int find(char[] s, int from, int to, int hash) {
            for (int k = hash & (slots.length - 1); slots[k] != 0; k = (k + 1) & (slots.length - 1)) {
                String w = words[slots[k] - 1];
                if (w.length() != to - from || w.hashCode() != hash) continue;
                boolean same = true;
                for (int j = 0; j < w.length() && same; j++) same = w.charAt(j) == s[from + j];
                if (same) return slots[k] - 1;
            }
            return -1;
        }

        /**
         * {@code normalize(text).toLowerCase(Locale.ROOT)} as far as contentWords' scan can tell, without the two
         * copies: the curly apostrophes become straight, A to Z and the Kelvin sign become a to k..z, and the dotted
         * capital I becomes "i" and a mark that ends the word (String.toLowerCase gives "i\u0307"). No other character
         * lowers to a letter from a to z or to an apostrophe (every character of Unicode was checked); the rest only
         * need to stay what they are, not letters.
         */
        private static char[] lowerCase(String text) {
            int extra = 0;
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\u0130') extra++;
            char[] out = new char[text.length() + extra];
            int o = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    out[o++] = (char) (c + ('a' - 'A'));
                } else if (c == '\u2019' || c == '\u2018') {
                    out[o++] = '\'';
                } else if (c == '\u212A') {
                    out[o++] = 'k';
                } else if (c == '\u0130') {
                    out[o++] = 'i';
                    out[o++] = '\u0307';
                } else {
                    out[o++] = c;
                }
            }
            return out;
        }
    }

    static int echoed(String reply, String customer) {
        Set<String> words = contentWords(reply);
        words.retainAll(contentWords(customer == null ? "" : customer));
        return words.size();
    }
}
