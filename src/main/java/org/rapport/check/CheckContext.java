package org.rapport.check;

import org.rapport.catalog.Catalog;
import org.rapport.diag.Diagnostic;
import org.rapport.diag.Position;
import org.rapport.diag.Severity;
import org.rapport.diag.SourceMap;
import org.rapport.model.Dialogue;

import java.util.Set;

/** What a check looks at: the dialogue, where its parts are in the file, and the catalog its tags refer to. */
public record CheckContext(String file, Dialogue dialogue, SourceMap sourceMap, Catalog catalog,
                           Set<String> declaredNodeIds) {

    /** True when a node with this id is declared in the file, even if the node itself is broken. */
    public boolean declares(String nodeId) {
        return declaredNodeIds.contains(nodeId) || dialogue.nodes().containsKey(nodeId);
    }

    public Diagnostic error(String code, String path, String message, String nodeId) {
        return at(Severity.ERROR, code, path, message, nodeId);
    }

    public Diagnostic warning(String code, String path, String message, String nodeId) {
        return at(Severity.WARNING, code, path, message, nodeId);
    }

    private Diagnostic at(Severity s, String code, String path, String message, String nodeId) {
        Position p = sourceMap.find(path);
        return new Diagnostic(file, p.line(), p.column(), s, code, message, nodeId);
    }

    public static String choicePath(String nodeId, int index) {
        return SourceMap.path("nodes", nodeId, "choices", index);
    }
}
