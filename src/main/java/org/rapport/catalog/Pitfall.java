package org.rapport.catalog;

import java.util.List;

/** A habit that hurts a conversation, e.g. {@code pitfall.sympathy-trap}. */
public record Pitfall(String id, String name, List<String> soundsLike, String whyItHurts, String instead,
                      String source) {
    public Pitfall {
        soundsLike = soundsLike == null ? List.of() : List.copyOf(soundsLike);
    }
}
