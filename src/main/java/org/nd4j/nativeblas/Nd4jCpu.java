package org.nd4j.nativeblas;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Compatibility shim, not workbench code: DL4J 1.0.0-M2.1's {@code BaseMKLDNNHelper.mklDnnEnabled()}
 * reflectively loads {@code org.nd4j.nativeblas.Nd4jCpu$Environment} and calls {@code getInstance()}
 * then {@code isUseMKLDNN()}. ND4J M2.1 moved that class to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} (method {@code isUseONEDNN()}), so
 * without this class the check fails and every layer falls back to the slow im2col path. Delete it once
 * DL4J looks the class up under its new name.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {}

    /** Answers the one call DL4J makes, from the real native environment. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {}

        /** The single instance, as the reflective caller expects. */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /**
         * True when the loaded native build contains oneDNN and the native environment allows it. (The
         * native flag alone reads true even in builds without oneDNN.)
         */
        public boolean isUseMKLDNN() {
            Nd4j.getExecutioner(); // makes sure the backend and its native library are loaded
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance()
                            .isUseONEDNN()
                    && NativeOpsHolder.getInstance()
                            .getDeviceNativeOps()
                            .buildInfo()
                            .contains("HAVE_ONEDNN");
        }
    }
}
