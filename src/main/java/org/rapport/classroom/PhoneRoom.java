package org.rapport.classroom;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Who may vote from a phone: the room code on the projector, the phones that joined with it, how many may join, and
 * whether joining is open. A phone gets its ballot (a token) only by joining with the code; starting afresh (a new
 * group) gives a new code and forgets every phone, so a token from before counts nothing. Wrong codes are slowed down
 * per network address: after {@value #FREE_TRIES} wrong tries, each further one waits twice as long as the last (2 s,
 * 4 s, ... at most {@value #MAX_WAIT_SECONDS} s), so the code can't be guessed in class time. Thread-safe.
 */
public final class PhoneRoom {
    /** Letters and digits that can't be mistaken for each other on a screen or read aloud (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). */
    static final String ALPHABET = "ACFHJKMNPRTWXY3479";
    public static final int CODE_LENGTH = 5;
    public static final int DEFAULT_CAP = 60;
    public static final int MAX_CAP = 500;
    static final int FREE_TRIES = 5;
    static final int MAX_WAIT_SECONDS = 60;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What became of an attempt to join. {@code waitSeconds} is set for {@link Kind#WAIT} and {@link Kind#WRONG_CODE}. */
    public record Join(Kind kind, String token, long waitSeconds) {
        public enum Kind { JOINED, WRONG_CODE, WAIT, LOCKED, FULL }
    }

    private record Tries(int wrong, long waitUntil) {
    }

    private final LongSupplier millis;
    private final Set<String> joined = ConcurrentHashMap.newKeySet();
    private final Map<String, Tries> tries = new ConcurrentHashMap<>();
    private volatile String code = newCode();
    private volatile int cap = DEFAULT_CAP;
    private volatile boolean locked;

    public PhoneRoom() {
        this(System::currentTimeMillis);
    }

    PhoneRoom(LongSupplier millis) {
        this.millis = millis;
    }

    static String newCode() {
        StringBuilder sb = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return sb.toString();
    }

    /** The code as typed on a phone, made comparable: upper case, no spaces or dashes. */
    static String normalize(String typed) {
        if (typed == null) return "";
        StringBuilder sb = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) if (Character.isLetterOrDigit(c) && c < 128) sb.append(c);
        return sb.toString();
    }

    public String code() {
        return code;
    }

    public int cap() {
        return cap;
    }

    public void cap(int phones) {
        if (phones < 1 || phones > MAX_CAP) throw new IllegalArgumentException("Between 1 and " + MAX_CAP + " phones can join a room.");
        cap = phones;
    }

    public boolean locked() {
        return locked;
    }

    /** Stops (or lets again) new phones join; phones that joined keep voting. */
    public void lock(boolean locked) {
        this.locked = locked;
    }

    public int joinedCount() {
        return joined.size();
    }

    /** The joined phones' tokens, as they are now. */
    public Set<String> joined() {
        return Set.copyOf(joined);
    }

    public boolean isJoined(String token) {
        return token != null && joined.contains(token);
    }

    /** A new group: a new code, every phone forgotten (their tokens count nothing now), joining open again. */
    public synchronized void startAfresh() {
        code = newCode();
        joined.clear();
        tries.clear();
        locked = false;
    }

    /**
     * A phone at {@code address} types {@code typed}. With the right code, while joining is open and the room is not
     * full, it joins and gets a token from {@code newToken}.
     */
    public synchronized Join join(String address, String typed, Supplier<String> newToken) {
        long now = millis.getAsLong();
        Tries t = tries.getOrDefault(address, new Tries(0, 0));
        if (now < t.waitUntil()) return new Join(Join.Kind.WAIT, null, seconds(t.waitUntil() - now));
        if (!normalize(typed).equals(code)) {
            int wrong = t.wrong() + 1;
            long wait = wrong <= FREE_TRIES ? 0 : Math.min(MAX_WAIT_SECONDS, 1L << Math.min(30, wrong - FREE_TRIES)) * 1000L;
            tries.put(address, new Tries(wrong, now + wait));
            return new Join(Join.Kind.WRONG_CODE, null, seconds(wait));
        }
        if (locked) return new Join(Join.Kind.LOCKED, null, 0);
        if (joined.size() >= cap) return new Join(Join.Kind.FULL, null, 0);
        tries.remove(address);
        String token = newToken.get();
        joined.add(token);
        return new Join(Join.Kind.JOINED, token, 0);
    }

    private static long seconds(long ms) {
        return (ms + 999) / 1000;
    }
}
