package org.rapport.format;

import org.rapport.diag.SourceMap;
import org.rapport.format.json.JsonSyntaxError;
import org.rapport.format.json.StrictJsonParser;

import java.nio.charset.StandardCharsets;

/**
 * The reading the reader did before nodes were streamed and positions recorded on demand: the whole file's JSON tree
 * first, then the mapping, recording every position as it goes. Tests compare the reader with it.
 */
public final class TreeReading {
    private TreeReading() {
    }

    /** What the tree-first reading gives for a file the reader could decode, or null for bytes that are not UTF-8 or a syntax error. */
    public static ReadResult read(String name, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        DialogueMapperV1 mapper = new DialogueMapperV1(name, new SourceMap());
        try {
            var dialogue = mapper.map(StrictJsonParser.parse(text));
            return new ReadResult(name, dialogue, mapper.sourceMap(), mapper.diagnostics(), mapper.declaredNodeIds(), null);
        } catch (JsonSyntaxError e) {
            return null;
        }
    }
}
