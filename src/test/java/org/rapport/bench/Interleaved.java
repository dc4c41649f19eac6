package org.rapport.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A baseline and a measured operation run in turns in one JVM, round after round, so that whatever else the machine
 * is doing hits both alike; the figure is the median over the rounds. Wall time and the process's CPU time (all its
 * threads, the garbage collector's included) are both kept: on a shared machine the CPU time is the steadier of the
 * two, since time spent waiting for a core does not count; but the collector's work for one call can spill into the
 * next, so read the wall figures first. No collection is forced between calls: on G1 a forced full collection shrinks
 * the heap and makes the next call several times slower, which is not how the app runs. Wall figures are medians of the rounds; CPU figures are
 * totals over the rounds (the CPU clock is too coarse for one round).
 */
final class Interleaved {
    record Result(double baseWallMs, double wallMs, double wallRatio, double baseCpuMs, double cpuMs, double cpuRatio, int rounds) {
    }

    private Interleaved() {
    }

    static Result run(int warmup, int rounds, Callable<?> baseline, Callable<?> measured) throws Exception {
        for (int i = 0; i < warmup; i++) {
            baseline.call();
            measured.call();
        }
        List<Double> bw = new ArrayList<>();
        List<Double> mw = new ArrayList<>();
        List<Double> rw = new ArrayList<>();
        List<Double> bc = new ArrayList<>();
        List<Double> mc = new ArrayList<>();
        Object sink = null;
        for (int i = 0; i < rounds; i++) {
            long c0 = cpu();
            long t0 = System.nanoTime();
            sink = baseline.call();
            long t1 = System.nanoTime();
            long c1 = cpu();
            long c2 = c1;
            long t2 = System.nanoTime();
            sink = measured.call();
            long t3 = System.nanoTime();
            long c3 = cpu();
            bw.add((t1 - t0) / 1e6);
            mw.add((t3 - t2) / 1e6);
            rw.add((double) (t3 - t2) / (t1 - t0));
            bc.add((c1 - c0) / 1e6);
            mc.add((c3 - c2) / 1e6);
        }
        if (sink == null) throw new IllegalStateException("nothing measured");
        // The CPU clock ticks in steps of up to 10 ms, coarse next to one baseline pass: so the CPU figures are totals
        // over all rounds (a mean per round, and the ratio of the totals), not medians of rounds.
        double baseCpu = bc.stream().mapToDouble(Double::doubleValue).sum();
        double cpu = mc.stream().mapToDouble(Double::doubleValue).sum();
        return new Result(median(bw), median(mw), median(rw), baseCpu / rounds, cpu / rounds, cpu / Math.max(1e-9, baseCpu), rounds);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
