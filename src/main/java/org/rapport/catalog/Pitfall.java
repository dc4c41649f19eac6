package org.rapport.catalog;

import java.util.List;

/**
 * A habit that hurts a conversation, e.g. {@code pitfall.sympathy-trap}. {@code discuss}: a question a facilitator can
 * put to the room when a tempting reply falls into it.
 */
public record Pitfall(String id, String name, List<String> soundsLike, String whyItHurts, String instead,
                      String source, String discuss) {
    public Pitfall {
        discuss = discuss == null ? "" : discuss;
        soundsLike = soundsLike == null ? List.of() : List.copyOf(soundsLike);
    }
}
