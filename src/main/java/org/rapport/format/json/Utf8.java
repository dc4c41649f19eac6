package org.rapport.format.json;

import org.rapport.diag.Position;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 for the parser, which reads a file's bytes as they are: a text decoded from its bytes, with a bad byte
 * reported (RAP003) at its line and column rather than turned into U+FFFD; and whether a whole file decodes.
 */
public final class Utf8 {
    /** What an undecodable file is told (RAP003). */
    public static final String NOT_UTF8 = "The file is not valid UTF-8 text (is it a binary file, or saved in another encoding?). Save it as UTF-8.";

    private Utf8() {
    }

    /**
     * The bytes {@code bytes[from, to)} as text. {@code new String} replaces a bad byte with U+FFFD without a word, so
     * where a U+FFFD comes out (a bad byte, or a real U+FFFD in the file) the bytes are decoded again strictly, and a
     * bad one is thrown as RAP003 at the first bad byte of the whole array.
     */
    static String decode(byte[] bytes, int from, int to) throws JsonSyntaxError {
        String s = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) {
            try {
                strictDecoder().decode(ByteBuffer.wrap(bytes, from, to - from));
            } catch (CharacterCodingException e) {
                throw new JsonSyntaxError("RAP003", positionOfBadByte(bytes), NOT_UTF8);
            }
        }
        return s;
    }

    /** How many bytes the character whose first byte is {@code lead} takes (1 for a byte that starts none). */
    static int sequenceLength(byte lead) {
        return (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 1;
    }

    /** Whether {@code bytes} are UTF-8 throughout. */
    public static boolean isUtf8(byte[] bytes) {
        try {
            strictDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Line and column of the first byte of {@code bytes} that is not valid UTF-8, counted in the characters decoded
     * before it (a byte-order mark is one), as an editor that shows the file would.
     */
    public static Position positionOfBadByte(byte[] bytes) {
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        strictDecoder().decode(ByteBuffer.wrap(bytes), out, true);
        out.flip();
        int line = 1;
        int col = 1;
        while (out.hasRemaining()) {
            if (out.get() == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new Position(line, col);
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
