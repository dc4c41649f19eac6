package org.rapport.check;

import org.rapport.catalog.Catalog;
import org.rapport.diag.Diagnostic;
import org.rapport.diag.Position;
import org.rapport.diag.Severity;
import org.rapport.diag.SourceMap;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What a check looks at: the dialogue, where its parts are in the file, and the catalog its tags refer to. */
public record CheckContext(String file, Dialogue dialogue, SourceMap sourceMap, Catalog catalog,
                           Set<String> declaredNodeIds, Map<Class<?>, Object> shared) {

    public CheckContext(String file, Dialogue dialogue, SourceMap sourceMap, Catalog catalog, Set<String> declaredNodeIds) {
        this(file, dialogue, sourceMap, catalog, declaredNodeIds, new ConcurrentHashMap<>());
    }

    /** The dialogue's decisions in file order, listed once for all the checks (each used to list them again). */
    public List<CustomerNode> decisions() {
        return shared(Decisions.class, () -> new Decisions(dialogue.decisions())).list();
    }

    private record Decisions(List<CustomerNode> list) {
    }

    /**
     * What several checks work out from the same dialogue (the numbered graph), made once by whichever check asks first;
     * the checks run in parallel, so another that asks meanwhile waits for it.
     */
    <T> T shared(Class<T> type, java.util.function.Supplier<T> make) {
        return type.cast(shared.computeIfAbsent(type, k -> make.get()));
    }

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
