package org.rapport.bench;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The baseline: Gson's streaming reader stepping through every token of the same bytes, decoding UTF-8 on the way,
 * reading each name and skipping each value. No tree, no positions, no checks: the least any JSON reader can do.
 */
public final class GsonTokenPass {
    private GsonTokenPass() {
    }

    /**
     * The baseline as a whole process, for comparison with {@code java -jar target/rapport.jar validate FILE}: reads the
     * file and prints its number of tokens.
     */
    public static void main(String[] args) throws IOException {
        System.out.println(tokens(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(args[0]))));
    }

    /** The number of tokens, so that nothing can be optimised away. */
    static int tokens(byte[] bytes) {
        try (JsonReader r = new JsonReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            int n = 0;
            while (true) {
                JsonToken t = r.peek();
                switch (t) {
                    case BEGIN_ARRAY -> r.beginArray();
                    case END_ARRAY -> r.endArray();
                    case BEGIN_OBJECT -> r.beginObject();
                    case END_OBJECT -> r.endObject();
                    case NAME -> n += r.nextName().length() & 1;
                    case STRING, NUMBER, BOOLEAN, NULL -> r.skipValue();
                    case END_DOCUMENT -> {
                        return n + 1;
                    }
                }
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
