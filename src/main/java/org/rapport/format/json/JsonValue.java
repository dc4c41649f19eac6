package org.rapport.format.json;

import org.rapport.diag.Position;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JSON value that remembers where it starts in the file. */
public sealed interface JsonValue {
    Position pos();

    /** A plain word for the value's type, as authors think of it. */
    String typeName();

    record JObject(Position pos, Map<String, Member> members, List<Member> duplicates) implements JsonValue {
        public JObject(Position pos) {
            this(pos, new LinkedHashMap<>(), new ArrayList<>());
        }

        public JsonValue get(String key) {
            Member m = members.get(key);
            return m == null ? null : m.value();
        }

        public String typeName() {
            return "an object";
        }
    }

    /** A key and its value, both located. */
    record Member(String key, Position keyPos, JsonValue value) {
    }

    record JArray(Position pos, List<JsonValue> items) implements JsonValue {
        public String typeName() {
            return "a list";
        }
    }

    record JString(Position pos, String value) implements JsonValue {
        public String typeName() {
            return "text";
        }
    }

    /** A number, kept as written so that huge values are reported, not silently rounded. */
    record JNumber(Position pos, String raw) implements JsonValue {
        public String typeName() {
            return "a number";
        }

        /**
         * The value as a long when it is a whole number that fits, else null. Never throws and never builds a huge
         * number: {@code 1e999999999} is simply "not a long".
         */
        public Long asLong() {
            BigDecimal d;
            try {
                d = new BigDecimal(raw);
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
            if (d.signum() == 0) return 0L;
            if (d.precision() - d.scale() > 19) return null;
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
    }

    record JBool(Position pos, boolean value) implements JsonValue {
        public String typeName() {
            return "true/false";
        }
    }

    record JNull(Position pos) implements JsonValue {
        public String typeName() {
            return "null";
        }
    }
}
