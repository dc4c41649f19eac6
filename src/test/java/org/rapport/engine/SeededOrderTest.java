package org.rapport.engine;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Attempts stored before the web player existed replay with the replies in the order they were shown. */
class SeededOrderTest {
    @Test
    void drawsExactlyWhatSplittableRandomDraws() {
        long[] seeds = {0, 1, 2, 42, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1_733_000_000_000L, 0x9e3779b97f4a7c15L};
        int[] bounds = {1, 2, 3, 4, 5, 6, 7, 8, 13, 1000, Integer.MAX_VALUE, (1 << 30) + 1};
        for (long seed : seeds) {
            SplittableRandom jdk = new SplittableRandom(seed);
            SeededOrder ours = new SeededOrder(seed);
            for (int i = 0; i < 2000; i++) {
                int bound = bounds[i % bounds.length];
                assertEquals(jdk.nextInt(bound), ours.nextInt(bound), "seed " + seed + ", draw " + i + ", bound " + bound);
            }
        }
    }
}
