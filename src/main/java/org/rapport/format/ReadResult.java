package org.rapport.format;

import org.rapport.diag.Diagnostic;
import org.rapport.diag.SourceMap;
import org.rapport.model.Dialogue;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What reading one dialogue file gave: the dialogue (null when the file could not be understood at all), where each
 * part is, the reader's diagnostics, every node id the file declares (even broken nodes), and the SHA-256 of the bytes
 * ({@link #contentHash()}, worked out the first time it is asked for: `validate` never needs it, and on a large file
 * in a short-lived process the digest ran interpreted for a fifth of the whole run).
 */
public record ReadResult(String file, Dialogue dialogue, SourceMap sourceMap, List<Diagnostic> diagnostics,
                         Set<String> declaredNodeIds, Supplier<String> hashOf) {
    public ReadResult {
        diagnostics = List.copyOf(diagnostics);
        declaredNodeIds = Set.copyOf(declaredNodeIds);
    }

    /** The SHA-256 of the file's bytes in hex, or null when it was read from text (the web player). */
    public String contentHash() {
        return hashOf == null ? null : hashOf.get();
    }

    /** Works out the digest of {@code bytes} once, on first use, and then lets the bytes go. */
    static Supplier<String> lazySha256(byte[] bytes) {
        return new Supplier<>() {
            private byte[] pending = bytes;
            private String hash;

            @Override
            public synchronized String get() {
                if (hash == null) {
                    hash = DialogueReader.sha256(pending);
                    pending = null;
                }
                return hash;
            }
        };
    }
}
