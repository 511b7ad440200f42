/**
 * Training: turns a model template plus one candidate's parameter values into a Deeplearning4j
 * network ({@link dev.workbench.train.NetworkFactory}), fits it on one fold and reports per-epoch
 * metrics ({@link dev.workbench.train.FoldTrainer}), measures throughput through that same code
 * ({@link dev.workbench.train.ThroughputMeter}), and chooses and prepares the ND4J backend
 * ({@link dev.workbench.train.BackendSelector}: CPU, or CUDA on a supported GPU in the {@code -Pcuda}
 * build; it must run before anything else loads ND4J).
 *
 * <p>DL4J/ND4J types appear in public signatures only in {@code NetworkFactory}; everything else
 * speaks in workbench records and {@link dev.workbench.train.ArrayData}.
 */
package dev.workbench.train;
