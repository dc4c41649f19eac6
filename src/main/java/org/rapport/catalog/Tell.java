package org.rapport.catalog;

import java.util.List;

/**
 * Tell-tale phrases of a pitfall ({@code phrases}, and the named list {@code list} of the catalog's {@code cueWords}),
 * and what the coach says when a reply contains one ({@code says}; {@code {words}} stands for the words as typed).
 */
public record Tell(List<String> phrases, String list, String says) {
    public Tell {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
        list = list == null ? "" : list;
        says = says == null ? "" : says;
    }
}
