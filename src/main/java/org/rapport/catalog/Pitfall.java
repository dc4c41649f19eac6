package org.rapport.catalog;

import java.util.List;

/**
 * A habit that hurts a conversation, e.g. {@code pitfall.sympathy-trap}. {@code discuss}: a question a facilitator can
 * put to the room when a tempting reply falls into it. {@code tells}: phrases that give it away in a typed reply, for the
 * phrase coach; {@code tellsUnless}: steps whose cues, when the coach sees them in the same reply, mean the tells do not
 * count (a "get back to you" that also gives a time is not vague).
 */
public record Pitfall(String id, String name, List<String> soundsLike, String whyItHurts, String instead,
                      String source, String discuss, List<Tell> tells, List<String> tellsUnless) {
    public Pitfall {
        discuss = discuss == null ? "" : discuss;
        soundsLike = soundsLike == null ? List.of() : List.copyOf(soundsLike);
        tells = tells == null ? List.of() : List.copyOf(tells);
        tellsUnless = tellsUnless == null ? List.of() : List.copyOf(tellsUnless);
    }
}
