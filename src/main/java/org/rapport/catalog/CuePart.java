package org.rapport.catalog;

import java.util.List;

/**
 * One thing a {@link LookFor} needs: any of some phrases ({@code phrases}, and the named list {@code list} of the
 * catalog's {@code cueWords}), or, when {@code echo} is above zero, at least that many content words shared with the
 * customer's line (computed, not listed). {@code missing}: the sentence shown when the rest was found but this part
 * was not ({@code {words}} stands for what was found); empty to use the step's general one.
 * <p>
 * Phrases are plain words matched after lower-casing, expanding contractions and stemming, so "frustrated" also finds
 * "frustrating". {@code #} stands for a number (digits or a number word from {@code cueWords.numbers}).
 */
public record CuePart(List<String> phrases, String list, int echo, String missing) {
    public CuePart {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
        list = list == null ? "" : list;
        missing = missing == null ? "" : missing;
    }
}
