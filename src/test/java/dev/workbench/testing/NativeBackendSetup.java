package dev.workbench.testing;

import dev.workbench.backend.CpuBackend;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Selects the native build and enables DL4J's oneDNN helpers before any test loads ND4J, as the
 * workbench's own entry points do, so results never depend on which test class runs first.
 */
public final class NativeBackendSetup implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        new CpuBackend().prepare();
    }
}
