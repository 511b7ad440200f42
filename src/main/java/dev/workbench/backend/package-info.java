/**
 * Backend: chooses and prepares ND4J's CPU or CUDA backend before anything else loads ND4J
 * ({@link dev.workbench.backend.BackendSelector}: CPU, or CUDA on a supported GPU in the {@code -Pcuda}
 * build), detects GPUs ({@link dev.workbench.backend.GpuSupport}) and turns DL4J's oneDNN layer helpers on
 * ({@link dev.workbench.backend.CpuBackend}). The shim those helpers need stays at
 * {@code org.nd4j.nativeblas.Nd4jCpu} in this source tree: DL4J loads it reflectively by exactly that
 * class name, so it cannot move into this package.
 */
package dev.workbench.backend;
