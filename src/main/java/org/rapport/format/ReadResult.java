package org.rapport.format;

import org.rapport.diag.Diagnostic;
import org.rapport.diag.SourceMap;
import org.rapport.model.Dialogue;

import java.util.List;
import java.util.Set;

/**
 * What reading one dialogue file gave: the dialogue (null when the file could not be understood at all), where each
 * part is, the reader's diagnostics, every node id the file declares (even broken nodes), and the SHA-256 of the bytes.
 */
public record ReadResult(String file, Dialogue dialogue, SourceMap sourceMap, List<Diagnostic> diagnostics,
                         Set<String> declaredNodeIds, String contentHash) {
    public ReadResult {
        diagnostics = List.copyOf(diagnostics);
        declaredNodeIds = Set.copyOf(declaredNodeIds);
    }
}
