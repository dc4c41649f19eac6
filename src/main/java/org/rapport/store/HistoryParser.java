package org.rapport.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.engine.Transcript;
import org.rapport.format.DialogueReader;
import org.rapport.format.ReadResult;
import org.rapport.model.Dialogue;
import org.rapport.model.Mood;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an exported history ({@link HistoryFile}) strictly, for both the trainee's import and the facilitator's class
 * report. The file as a whole must be one valid history (UTF-8, one JSON object and nothing after it, the kind and
 * format, whose it is); each attempt is then checked field by field (types, ranges, times that can be true) and
 * replayed on the dialogue it carries, and every attempt that fails gets a plain sentence naming the attempt and the
 * field. Never throws anything but {@link HistoryFormatException} on file content.
 */
public final class HistoryParser {
    /** The earliest time an attempt can have: 1 January 2000. */
    static final long EARLIEST = 946_684_800_000L;
    /** How far a laptop's clock may run ahead of the reader's before a time counts as impossible. */
    static final long CLOCK_SLACK = 24L * 60 * 60 * 1000;
    static final int MAX_KEY = 200;

    private HistoryParser() {
    }

    /** Why a history file, or one attempt in it, can't be taken: a sentence for the person importing it. */
    public static final class HistoryFormatException extends IllegalArgumentException {
        public HistoryFormatException(String message) {
            super(message);
        }
    }

    /** One attempt that passed every check, replayed on the dialogue it carries. {@code number} counts from 1. */
    public record Attempt(int number, String key, Dialogue dialogue, byte[] content, String contentHash, String mode, long started,
                          long finished, Transcript transcript) {
    }

    /** The history: whose it is, when it was exported, the attempts that passed, and a sentence for each that did not. */
    public record Parsed(String trainee, long exported, List<Attempt> attempts, List<String> problems) {
    }

    /**
     * Parses a history file's bytes; {@code now} bounds the times an attempt can have. Throws when the file as a whole is
     * not a history; returns every attempt that passes and a problem for each that does not.
     */
    public static Parsed parse(byte[] bytes, long now) {
        JsonObject root = root(utf8(bytes));
        String kind = root.has("kind") && root.get("kind").isJsonPrimitive() ? root.get("kind").getAsString() : null;
        if (!HistoryFile.KIND.equals(kind)) {
            throw new HistoryFormatException("it is not a Rapport history file (it has no \"kind\": \"" + HistoryFile.KIND + "\")");
        }
        JsonElement f = root.get("format");
        if (f == null || !isWhole(f)) throw new HistoryFormatException("its \"format\" is not a version number, so it cannot be read");
        BigDecimal format = f.getAsBigDecimal();
        if (format.compareTo(BigDecimal.valueOf(HistoryFile.FORMAT)) != 0) {
            throw new HistoryFormatException("it uses history format " + format.toPlainString() + "; this Rapport reads format " + HistoryFile.FORMAT
                    + (format.compareTo(BigDecimal.valueOf(HistoryFile.FORMAT)) > 0 ? " (update Rapport to read it)" : ""));
        }
        JsonElement t = root.get("trainee");
        if (t == null || !t.isJsonObject()) throw new HistoryFormatException("it does not say whose history it is (\"trainee\" is missing)");
        JsonElement name = t.getAsJsonObject().get("name");
        if (name == null || !isString(name) || name.getAsString().isBlank()) {
            throw new HistoryFormatException("it does not say whose history it is (\"trainee\".\"name\" is missing or blank)");
        }
        String trainee = name.getAsString().strip();
        long exported = 0;
        JsonElement ex = root.get("exported");
        if (ex != null && !ex.isJsonNull()) {
            // Only shown, never scored: any moment up to now will do (the attempts' own times are checked strictly).
            if (!isWhole(ex) || !inRange(ex.getAsBigDecimal(), 0, now + CLOCK_SLACK)) {
                throw new HistoryFormatException("its \"exported\" time is not a real moment (" + shorten(ex.toString()) + ")");
            }
            exported = ex.getAsLong();
        }
        JsonElement list = root.get("attempts");
        if (list == null || !list.isJsonArray()) throw new HistoryFormatException("it has no list of attempts (\"attempts\")");
        List<Attempt> attempts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Dialogue> dialogues = new HashMap<>();
        int n = 0;
        for (JsonElement el : list.getAsJsonArray()) {
            n++;
            try {
                attempts.add(attempt(n, el, now, dialogues));
            } catch (HistoryFormatException e) {
                problems.add("attempt " + n + ": " + e.getMessage());
            } catch (RuntimeException e) {
                problems.add("attempt " + n + ": it cannot be replayed on the dialogue it carries");
            }
        }
        return new Parsed(trainee, exported, attempts, problems);
    }

    /** The text, or where the first byte that is not UTF-8 stands. */
    static String utf8(byte[] bytes) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            throw new HistoryFormatException("it is not UTF-8 text: the byte at offset " + in.position() + " (0x"
                    + String.format("%02X", bytes[in.position()] & 0xff) + ") cannot start or continue a character");
        }
        dec.flush(out);
        out.flip();
        String s = out.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** One JSON object and nothing after it. */
    private static JsonObject root(String text) {
        if (text.isBlank()) throw new HistoryFormatException("it is empty");
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(64);
            JsonElement e = JsonParser.parseReader(reader);
            if (!e.isJsonObject()) throw new HistoryFormatException("it is not a Rapport history file (it is not a JSON object)");
            JsonToken next;
            try {
                next = reader.peek();
            } catch (IOException | JsonParseException | IllegalStateException ex) {
                throw new HistoryFormatException("there is something after the history's closing brace; it is not one JSON document");
            }
            if (next != JsonToken.END_DOCUMENT) {
                throw new HistoryFormatException("there is something after the history's closing brace; it is not one JSON document");
            }
            return e.getAsJsonObject();
        } catch (HistoryFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String where = e.getMessage() == null ? "" : e.getMessage().replaceAll("(?s).*?( at line \\d+ column \\d+).*", "$1");
            throw new HistoryFormatException("it is not valid JSON" + (where.startsWith(" at line") ? where : ""));
        }
    }

    private static Attempt attempt(int n, JsonElement el, long now, Map<String, Dialogue> dialogues) {
        if (!el.isJsonObject()) throw new HistoryFormatException("it is " + kindOf(el) + ", not an attempt (an object)");
        JsonObject a = el.getAsJsonObject();
        String key = string(a, "key");
        if (key.isBlank() || key.length() > MAX_KEY) throw new HistoryFormatException("\"key\" must be 1 to " + MAX_KEY + " characters");
        String mode = string(a, "mode");
        if (!Mode.known(mode)) {
            throw new HistoryFormatException("\"mode\" must be \"practice\", \"assessment\" or \"say-first\", not \"" + shorten(mode) + "\"");
        }
        long started = whole(a, "started", EARLIEST, now + CLOCK_SLACK, "a moment between 2000 and now");
        long finished = whole(a, "finished", EARLIEST, now + CLOCK_SLACK, "a moment between 2000 and now");
        if (finished < started) {
            throw new HistoryFormatException("\"finished\" (" + Instant.ofEpochMilli(finished) + ") is before \"started\" (" + Instant.ofEpochMilli(started) + ")");
        }
        JsonObject dj = object(a, "dialogue");
        String id = string(dj, "id");
        string(dj, "title");
        String content = string(dj, "content");
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String hash = DialogueReader.sha256(bytes);
        Dialogue d = dialogues.get(hash);
        if (d == null) {
            ReadResult read = new DialogueReader().read(shorten(id) + ".json", bytes);
            if (read.dialogue() == null || read.diagnostics().stream().anyMatch(org.rapport.diag.Diagnostic::isError)) {
                throw new HistoryFormatException("the copy of its dialogue (\"dialogue\".\"content\") is damaged");
            }
            d = read.dialogue();
            dialogues.put(hash, d);
        }
        String startNode = string(a, "startNode");
        if (!d.nodes().containsKey(startNode)) throw new HistoryFormatException("\"startNode\" \"" + shorten(startNode) + "\" is not in its dialogue");
        int startMood = (int) whole(a, "startMood", Mood.MIN, Mood.MAX, "a mood from -5 to 5");
        long seed = whole(a, "seed", Long.MIN_VALUE, Long.MAX_VALUE, "a whole number");
        JsonElement decisions = a.get("decisions");
        if (decisions == null || !decisions.isJsonArray()) throw new HistoryFormatException("\"decisions\" is missing or not a list");
        Playthrough p = Playthrough.startAt(d, startNode, startMood, seed);
        long thinking = 0;
        int k = 0;
        for (JsonElement e : decisions.getAsJsonArray()) {
            k++;
            String at = "decision " + k;
            if (!e.isJsonObject()) throw new HistoryFormatException(at + " is " + kindOf(e) + ", not an object");
            JsonObject dec = e.getAsJsonObject();
            if (p.ended()) throw new HistoryFormatException("it has more replies than its conversation had");
            String node = string(dec, "node", at);
            if (!p.current().id().equals(node)) throw new HistoryFormatException(at + ": its replies do not fit the dialogue it carries");
            int replies = ((org.rapport.model.CustomerNode) p.current()).choices().size();
            int chosen = (int) whole(dec, "chosenPosition", 0, replies - 1, "a reply of that decision (0 to " + (replies - 1) + ")", at);
            long millis = whole(dec, "millis", 0, CLOCK_SLACK, "a time to decide from 0 to a day, in milliseconds", at);
            thinking += millis;
            p.chooseIndex(chosen, millis, answer(dec, at));
        }
        if (!p.ended()) throw new HistoryFormatException("its conversation never reached an ending");
        if (thinking > finished - started + 60_000) {
            throw new HistoryFormatException("its replies took longer (" + thinking / 1000 + " s) than the attempt itself (" + (finished - started) / 1000 + " s)");
        }
        return new Attempt(n, key, d, bytes, hash, mode, started, finished, p.transcript());
    }

    /** The trainee's own words, "said aloud" and confidence of a decision; each optional, each checked. */
    private static org.rapport.engine.Answer answer(JsonObject dec, String at) {
        String own = null;
        if (dec.has("ownWords") && !dec.get("ownWords").isJsonNull()) {
            own = string(dec, "ownWords", at);
            if (own.length() > org.rapport.engine.Answer.MAX_WORDS) {
                throw new HistoryFormatException(at + ": \"ownWords\" is longer than " + org.rapport.engine.Answer.MAX_WORDS + " characters");
            }
        }
        boolean aloud = false;
        if (dec.has("saidAloud") && !dec.get("saidAloud").isJsonNull()) {
            JsonElement e = dec.get("saidAloud");
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) throw new HistoryFormatException(at + ": \"saidAloud\" must be true or false, but it is " + kindOf(e));
            aloud = e.getAsBoolean();
        }
        org.rapport.engine.Confidence confidence = null;
        if (dec.has("confidence") && !dec.get("confidence").isJsonNull()) {
            try {
                confidence = org.rapport.engine.Confidence.ofKey(string(dec, "confidence", at));
            } catch (IllegalArgumentException e) {
                throw new HistoryFormatException(at + ": " + e.getMessage());
            }
        }
        return new org.rapport.engine.Answer(own, aloud, confidence);
    }

    // == typed fields: every wrong kind is a sentence naming the field ==

    private static String string(JsonObject o, String key) {
        return string(o, key, null);
    }

    private static String string(JsonObject o, String key, String at) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) throw new HistoryFormatException(prefix(at) + "\"" + key + "\" is missing");
        if (!isString(e)) throw new HistoryFormatException(prefix(at) + "\"" + key + "\" must be text, but it is " + kindOf(e));
        return e.getAsString();
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) throw new HistoryFormatException("\"" + key + "\" is missing");
        if (!e.isJsonObject()) throw new HistoryFormatException("\"" + key + "\" must be an object, but it is " + kindOf(e));
        return e.getAsJsonObject();
    }

    private static long whole(JsonObject o, String key, long min, long max, String what) {
        return whole(o, key, min, max, what, null);
    }

    private static long whole(JsonObject o, String key, long min, long max, String what, String at) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) throw new HistoryFormatException(prefix(at) + "\"" + key + "\" is missing");
        if (!isWhole(e)) throw new HistoryFormatException(prefix(at) + "\"" + key + "\" must be a whole number, but it is " + kindOf(e));
        BigDecimal v = e.getAsBigDecimal();
        if (!inRange(v, min, max)) {
            throw new HistoryFormatException(prefix(at) + "\"" + key + "\" is " + shorten(v.toPlainString()) + "; it must be " + what);
        }
        return v.longValueExact();
    }

    private static String prefix(String at) {
        return at == null ? "" : at + ": ";
    }

    private static boolean isString(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    private static boolean isWhole(JsonElement e) {
        if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) return false;
        try {
            BigDecimal v = e.getAsBigDecimal();
            return v.stripTrailingZeros().scale() <= 0;
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    private static boolean inRange(BigDecimal v, long min, long max) {
        return v.compareTo(BigDecimal.valueOf(min)) >= 0 && v.compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    private static String kindOf(JsonElement e) {
        if (e == null || e.isJsonNull()) return "null";
        if (e.isJsonObject()) return "an object";
        if (e.isJsonArray()) return "a list";
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) return p.getAsBoolean() ? "true" : "false";
        if (p.isNumber()) return "the number " + shorten(p.getAsString());
        return "the text \"" + shorten(p.getAsString()) + "\"";
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\p{Cntrl}", "?");
        return one.length() > 40 ? one.substring(0, 40) + "…" : one;
    }
}
