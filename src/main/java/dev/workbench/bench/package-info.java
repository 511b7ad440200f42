/**
 * Benchmarks: the workbench's training path against PyTorch on the same machine and data
 * ({@link dev.workbench.bench.Benchmark}, with {@code src/main/python/torch_bench.py}), and the scaling
 * of whole experiments ({@link dev.workbench.bench.Scaling}). Whole experiments run as
 * {@code workbench run} in child JVMs so their wall time and peak memory are their own. Uses the
 * training stage only through its public API; no DL4J or ND4J types here.
 */
package dev.workbench.bench;
