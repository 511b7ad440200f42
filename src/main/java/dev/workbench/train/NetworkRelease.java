package dev.workbench.train;

import java.util.List;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.MemoryWorkspaceManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Frees a finished network as DL4J's {@code MultiLayerNetwork.close()} does (its parameters, gradients and
 * updater state, and the calling thread's workspaces), but without the {@code System.gc()} calls in that
 * method and in ND4J's {@code destroyAllWorkspacesForCurrentThread()}: full, stop-the-world collections
 * that paused every training thread three times per unit (599 in a run of 200 one-epoch units, 29 s of its
 * 74.5 s on an idle 2-core VM). The native memory that only a collection returns (unreachable ND4J arrays)
 * is instead collected when the process's resident set has grown past {@link #budgetBytes()}, so memory
 * stays bounded over any number of units. Nothing here touches the numbers a unit computes.
 */
final class NetworkRelease {

    /** System property: resident bytes above which a released network triggers a full collection. */
    static final String BUDGET_PROPERTY = "workbench.gc.resident.bytes";
    /** Default budget: 1 GiB. */
    static final long DEFAULT_BUDGET = 1L << 30;

    private static final Object COLLECTING = new Object();

    private NetworkRelease() {}

    /** Frees {@code net}; call on the thread that trained it. */
    static void release(MultiLayerNetwork net) {
        close(net.params());
        close(net.getFlattenedGradients());
        Updater updater = net.getUpdater(false);
        if (updater != null) {
            close(updater.getStateViewArray());
        }
        freeWorkspaces();
        collectIfOverBudget();
    }

    /**
     * Destroys the calling thread's ND4J workspaces, returning their memory at once. ND4J's own
     * {@code destroyAllWorkspacesForCurrentThread()} ends with a {@code System.gc()}; this does not.
     */
    static void freeWorkspaces() {
        MemoryWorkspaceManager manager = Nd4j.getWorkspaceManager();
        for (MemoryWorkspace workspace : List.copyOf(manager.getAllWorkspacesForCurrentThread())) {
            manager.destroyWorkspace(workspace);
        }
    }

    /** Runs a full collection when the resident set is above the budget; true when it did. */
    static boolean collectIfOverBudget() {
        synchronized (COLLECTING) {
            if (Pointer.physicalBytes() <= budgetBytes()) {
                return false;
            }
            System.gc();
            return true;
        }
    }

    static long budgetBytes() {
        return Long.getLong(BUDGET_PROPERTY, DEFAULT_BUDGET);
    }

    private static void close(INDArray array) {
        if (array != null && array.closeable()) {
            array.close();
        }
    }
}
