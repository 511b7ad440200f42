/**
 * Training: turns a model template plus one candidate's parameter values into a Deeplearning4j
 * network ({@link dev.workbench.train.NetworkFactory}), fits it on one fold and reports per-epoch
 * metrics ({@link dev.workbench.train.FoldTrainer}), measures throughput through that same code
 * ({@link dev.workbench.train.ThroughputMeter}). The ND4J backend is chosen and prepared before, by
 * {@code dev.workbench.backend}.
 *
 * <p>DL4J/ND4J types appear in public signatures only in {@code NetworkFactory}; everything else
 * speaks in workbench records and {@link dev.workbench.train.ArrayData}.
 */
package dev.workbench.train;
