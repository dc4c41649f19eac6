package org.rapport.engine;

/**
 * The random numbers that shuffle the replies: exactly {@link java.util.SplittableRandom}'s sequence for a seed (its
 * published SplitMix64 algorithm, and the JDK's rejection rule for a bound), written out so the web player, which is
 * this engine compiled to JavaScript where that class does not exist, shows the same replies in the same order. A
 * stored attempt replays with the order it was played in, whichever of the two played it.
 */
final class SeededOrder {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private long seed;

    SeededOrder(long seed) {
        this.seed = seed;
    }

    /** A number from 0 (inclusive) to {@code bound} (exclusive), as {@code SplittableRandom.nextInt(bound)}. */
    int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive");
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) {
            return r & m;
        }
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) {
            // draw again: u was in the over-represented tail
        }
        return r;
    }

    private int nextInt() {
        seed += GOLDEN_GAMMA;
        long z = seed;
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
