package org.rapport.importer;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Kebab-case ids from source names, unique within one dialogue (a second "Start" becomes "start-2"). */
final class Ids {
    private final Set<String> taken = new HashSet<>();

    /** The kebab-case form of a name: lowercase ASCII letters and digits, single hyphens; "passage" when nothing is left. */
    static String slug(String name) {
        String n = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        boolean hyphen = false;
        for (int i = 0; i < n.length() && sb.length() < 60; i++) {
            char c = n.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (hyphen && !sb.isEmpty()) sb.append('-');
                sb.append(c);
                hyphen = false;
            } else if (c != '\'' && c != '\u2019' && Character.getType(c) != Character.NON_SPACING_MARK) {
                hyphen = true;
            }
        }
        return sb.isEmpty() ? "passage" : sb.toString();
    }

    /** A fresh id for {@code name}: its slug, or the slug and the first free number. */
    String unique(String name) {
        String base = slug(name);
        String id = base;
        for (int i = 2; !taken.add(id); i++) id = base + "-" + i;
        return id;
    }

    boolean isTaken(String id) {
        return taken.contains(id);
    }
}
