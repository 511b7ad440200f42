package dev.workbench.app;

/** A spec validated and its data read, ready to run: see {@link Workbench#prepare}. Opaque outside {@code app}. */
public final class PreparedRun {

    private final Submitted submitted;

    PreparedRun(Submitted submitted) {
        this.submitted = submitted;
    }

    Submitted submitted() {
        return submitted;
    }
}
