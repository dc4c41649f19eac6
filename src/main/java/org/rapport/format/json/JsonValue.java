package org.rapport.format.json;

import org.rapport.diag.Position;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value that remembers where it starts in the file.
 *
 * <p>The place is stored as one long ({@link #at()}: line in the high half, column in the low half) and turned into a
 * {@link Position} only when asked: a 10,000-node file has some 650,000 values and keys, and as objects their
 * positions were a third of everything the garbage collector had to copy while the tree was being built.
 */
public sealed interface JsonValue {
    /** Where the value starts, packed: see {@link #pack}. */
    long at();

    /** Where the value starts. */
    default Position pos() {
        return unpack(at());
    }

    /** A plain word for the value's type, as authors think of it. */
    String typeName();

    /** A line and column as one long: the line in the high 32 bits, the column in the low 32 bits. */
    static long pack(int line, int column) {
        return ((long) line << 32) | (column & 0xFFFFFFFFL);
    }

    static long pack(Position p) {
        return pack(p.line(), p.column());
    }

    static Position unpack(long at) {
        return new Position((int) (at >> 32), (int) at);
    }

    record JObject(long at, Map<String, Member> members, List<Member> duplicates) implements JsonValue {
        public JObject(Position pos) {
            this(pack(pos), new LinkedHashMap<>(), new ArrayList<>());
        }

        public JsonValue get(String key) {
            Member m = members.get(key);
            return m == null ? null : m.value();
        }

        public String typeName() {
            return "an object";
        }
    }

    /**
     * The members of a small object, in file order, in two arrays: most objects of a dialogue have fewer than nine
     * fields, and a hash map per object (its table and an entry per field) was a sixth of what reading a large file
     * allocated. Found by a scan, comparing the same key instance first (the parser reuses the names it has read).
     */
    final class SmallMembers extends java.util.AbstractMap<String, Member> {
        private final Member[] members;

        SmallMembers(Member[] members) {
            this.members = members;
        }

        @Override
        public Member get(Object key) {
            for (Member m : members) {
                if (m.key() == key || m.key().equals(key)) return m;
            }
            return null;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public int size() {
            return members.length;
        }

        @Override
        public java.util.Collection<Member> values() {
            return java.util.Collections.unmodifiableList(java.util.Arrays.asList(members));
        }

        @Override
        public java.util.Set<Map.Entry<String, Member>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public java.util.Iterator<Map.Entry<String, Member>> iterator() {
                    return new java.util.Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < members.length;
                        }

                        @Override
                        public Map.Entry<String, Member> next() {
                            if (next >= members.length) throw new java.util.NoSuchElementException();
                            Member m = members[next++];
                            return new java.util.AbstractMap.SimpleImmutableEntry<>(m.key(), m);
                        }
                    };
                }

                @Override
                public int size() {
                    return members.length;
                }
            };
        }
    }

    /** A key and its value, both located. */
    record Member(String key, long keyAt, JsonValue value) {
        public Member(String key, Position keyPos, JsonValue value) {
            this(key, pack(keyPos), value);
        }

        public Position keyPos() {
            return unpack(keyAt);
        }
    }

    record JArray(long at, List<JsonValue> items) implements JsonValue {
        public JArray(Position pos, List<JsonValue> items) {
            this(pack(pos), items);
        }

        public String typeName() {
            return "a list";
        }
    }

    record JString(long at, String value) implements JsonValue {
        public JString(Position pos, String value) {
            this(pack(pos), value);
        }

        public String typeName() {
            return "text";
        }
    }

    /** A number, kept as written so that huge values are reported, not silently rounded. */
    record JNumber(long at, String raw) implements JsonValue {
        public JNumber(Position pos, String raw) {
            this(pack(pos), raw);
        }

        public String typeName() {
            return "a number";
        }

        /**
         * The value as a long when it is a whole number that fits, else null. Never throws and never builds a huge
         * number: {@code 1e999999999} is simply "not a long".
         *
         * <p>Linear in the length of the text: zeros that do not change the value ({@code 007}, {@code 2.000},
         * {@code 0.0e5}) are dropped before anything is parsed, and only a text of at most 19 significant digits
         * reaches BigDecimal, whose parsing is quadratic in the number of digits (a million digits took minutes).
         */
        public Long asLong() {
            if (plainInteger()) return Long.parseLong(raw); // the usual case: -3, 2, 15
            int at = 0;
            boolean negative = raw.startsWith("-");
            if (negative) at = 1;
            int e = Math.max(raw.indexOf('e'), raw.indexOf('E'));
            String mantissa = raw.substring(at, e < 0 ? raw.length() : e);
            int dot = mantissa.indexOf('.');
            String fraction = dot < 0 ? "" : mantissa.substring(dot + 1);
            // value = digits x 10^(exponent - fraction length)
            String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + fraction;
            int first = 0;
            while (first < digits.length() && digits.charAt(first) == '0') first++;
            int last = digits.length();
            while (last > first && digits.charAt(last - 1) == '0') last--;
            if (first == last) return isNumber(digits, e) ? 0L : null;
            long exponent;
            try {
                String exp = e < 0 ? "0" : raw.substring(e + 1);
                if (exp.startsWith("+")) exp = exp.substring(1);
                // An exponent beyond 12 digits makes any non-zero value far too big or not whole.
                String expDigits = exp.startsWith("-") ? exp.substring(1) : exp;
                if (expDigits.length() > 12) return null;
                exponent = Long.parseLong(exp);
            } catch (NumberFormatException | IndexOutOfBoundsException ex) {
                return null;
            }
            long scale = exponent - fraction.length() + (digits.length() - last); // trailing zeros move into the exponent
            int significant = last - first;
            if (scale < 0 || significant + scale > 19) return null;
            try {
                BigDecimal d = new BigDecimal((negative ? "-" : "") + digits.substring(first, last)).scaleByPowerOfTen((int) scale);
                return d.longValueExact();
            } catch (NumberFormatException | ArithmeticException ex) {
                return null;
            }
        }

        /** An optional minus and 1 to 18 digits: always a long, no need for anything slower. */
        private boolean plainInteger() {
            int from = raw.startsWith("-") ? 1 : 0;
            if (raw.length() == from || raw.length() - from > 18) return false;
            for (int k = from; k < raw.length(); k++) {
                char c = raw.charAt(k);
                if (c < '0' || c > '9') return false;
            }
            return true;
        }

        /** Whether a run of zeros stands for a number at all (not an empty mantissa, and a well-formed exponent). */
        private boolean isNumber(String digits, int e) {
            if (digits.isEmpty()) return false;
            if (e < 0) return true;
            String exp = raw.substring(e + 1);
            if (exp.startsWith("+") || exp.startsWith("-")) exp = exp.substring(1);
            return !exp.isEmpty() && exp.chars().allMatch(Character::isDigit);
        }
    }

    record JBool(long at, boolean value) implements JsonValue {
        public JBool(Position pos, boolean value) {
            this(pack(pos), value);
        }

        public String typeName() {
            return "true/false";
        }
    }

    record JNull(long at) implements JsonValue {
        public JNull(Position pos) {
            this(pack(pos));
        }

        public String typeName() {
            return "null";
        }
    }
}
