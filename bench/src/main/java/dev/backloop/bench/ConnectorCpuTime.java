package dev.backloop.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The memory connector's find and count, timed in CPU time of the calling thread rather than wall time, so
 * that a machine shared with other builds (where JMH's wall-clock errors reach ±100%) still gives a usable
 * before/after. Prints the minimum and median CPU microseconds per operation over several rounds:
 *
 * <pre>{@code
 * java -cp backloop-bench.jar dev.backloop.bench.ConnectorCpuTime [RECORDS] [ROUNDS]
 * }</pre>
 */
public final class ConnectorCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ConnectorCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        MemoryConnectorBenchmark state = new MemoryConnectorBenchmark();
        state.records = records;
        state.setUp();
        try {
            report("find  ", rounds, () -> state.find().size());
            report("count ", rounds, state::count);
            report("byId  ", rounds, () -> state.findById().size());
        } finally {
            state.tearDown();
        }
    }

    private static void report(String name, int rounds, LongSupplier op) {
        // about 0.3 s of work per round, whatever the operation costs
        long start = THREADS.getCurrentThreadCpuTime();
        int probe = 0;
        while (THREADS.getCurrentThreadCpuTime() - start < 300_000_000L) {
            op.getAsLong();
            probe++;
        }
        double[] microsPerOp = new double[rounds];
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < probe; i++) {
                sink += op.getAsLong();
            }
            microsPerOp[r] = (THREADS.getCurrentThreadCpuTime() - t0) / 1000.0 / probe;
        }
        Arrays.sort(microsPerOp);
        System.out.printf("%s min %10.1f  median %10.1f  CPU us/op  (%d ops/round, %d rounds, sink %d)%n",
                name, microsPerOp[0], microsPerOp[rounds / 2], probe, rounds, sink % 10);
    }
}
