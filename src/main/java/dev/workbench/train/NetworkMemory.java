package dev.workbench.train;

import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Frees a network's off-heap arrays (parameters, gradients, updater state) the way
 * {@code MultiLayerNetwork.close()} does, without the two other things that method does: it destroys the
 * calling thread's ND4J workspaces (which {@link FoldTrainer} decides about instead) and it calls
 * {@code System.gc()}, a full stop-the-world collection that also halts every other unit training in the
 * process. In a JFR profile of the default experiment's shape those collections, one per unit, paused
 * both training threads for about 4% of the run.
 */
final class NetworkMemory {

    private NetworkMemory() {
    }

    static void free(MultiLayerNetwork net) {
        close(net.params());
        close(net.getGradientsViewArray());
        Updater updater = net.getUpdater(false);
        if (updater != null) {
            close(updater.getStateViewArray());
        }
    }

    private static void close(INDArray array) {
        if (array != null && array.closeable()) {
            array.close();
        }
    }
}
