package dev.workbench.train;

import dev.workbench.spec.TrainingSpec.Optimizer;
import java.util.Map;

public class ScratchProbe {
    public static void main(String[] args) {
        new CpuBackend().prepare();
        ArrayData train = TrainFixtures.bars(300, 12, 1L);
        for (Optimizer o : new Optimizer[] {Optimizer.SGD, Optimizer.ADAM}) {
            for (double lr : new double[] {0.0, 1e6, 1e10, 1e30}) {
                try {
                    var r = new FoldTrainer().train(new TrainRequest(TrainFixtures.smallCnn(12),
                            TrainFixtures.training(o, lr, 32, 3), Map.of(), 1L, train, null), m -> System.out.println(o + " " + lr + " " + m));
                } catch (RuntimeException e) {
                    System.out.println(o + " " + lr + " -> " + e);
                }
            }
        }
    }
}
