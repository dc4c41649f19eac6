package org.rapport.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One branching customer conversation, as loaded from a dialogue file. Immutable. */
public record Dialogue(String id, String title, String summary, Difficulty difficulty, int minutes, List<String> tags,
                       Customer customer, String setting, Prebrief prebrief, String start, Map<String, Node> nodes) {

    public Dialogue {
        tags = List.copyOf(tags);
        prebrief = prebrief == null ? Prebrief.NONE : prebrief;
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    }

    /** A dialogue without a pre-brief (as files written before it existed, and generated test dialogues). */
    public Dialogue(String id, String title, String summary, Difficulty difficulty, int minutes, List<String> tags,
                    Customer customer, String setting, String start, Map<String, Node> nodes) {
        this(id, title, summary, difficulty, minutes, tags, customer, setting, Prebrief.NONE, start, nodes);
    }

    public Node node(String nodeId) {
        return nodes.get(nodeId);
    }

    /** Every customer node, in file order. */
    public List<CustomerNode> decisions() {
        List<CustomerNode> out = new ArrayList<>();
        for (Node n : nodes.values()) {
            if (n instanceof CustomerNode c) out.add(c);
        }
        return Collections.unmodifiableList(out);
    }

    /** Every ending node, in file order. */
    public List<EndingNode> endings() {
        List<EndingNode> out = new ArrayList<>();
        for (Node n : nodes.values()) {
            if (n instanceof EndingNode e) out.add(e);
        }
        return Collections.unmodifiableList(out);
    }
}
