package dev.workbench.bench;

import java.util.List;

/**
 * How the PyTorch peer runs: {@code processes} worker processes with {@code threads} torch threads each.
 *
 * @param processes worker processes (1: everything in the script's own process)
 * @param threads   {@code torch.set_num_threads} in each process
 */
record TorchConfig(int processes, int threads) {

    TorchConfig {
        BenchOptions.positive("processes", processes);
        BenchOptions.positive("threads", threads);
    }

    /**
     * The two ways a user with {@code cores} cores runs PyTorch: one process on every core, and one
     * single-threaded process per core splitting the work (only the first when {@code cores} is 1).
     */
    static List<TorchConfig> both(int cores) {
        TorchConfig one = new TorchConfig(1, cores);
        return cores == 1 ? List.of(one) : List.of(one, new TorchConfig(cores, 1));
    }

    /** {@code processes x threads}, e.g. {@code 1x2} or {@code 2x1}. */
    String label() {
        return processes + "x" + threads;
    }
}
