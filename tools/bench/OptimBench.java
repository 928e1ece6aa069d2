import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.optim.Adam;
import dev.optimlab.torch.optim.Optimizer;
import dev.optimlab.torch.optim.SGD;
import dev.optimlab.torch.optim.lr_scheduler.CosineAnnealingLR;
import dev.optimlab.torch.optim.lr_scheduler.LRScheduler;
import dev.optimlab.torch.optim.lr_scheduler.OneCycleLR;
import dev.optimlab.torch.optim.lr_scheduler.StepLR;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Times 10,000 scheduler steps and one optimizer step over 10M parameters, best of several rounds, in
 * milliseconds; the PyTorch side is tools/bench/optim_bench.py. Run with the compiled classes on the class path:
 * java -XX:ActiveProcessorCount=1 -Xmx2g -cp target/classes tools/bench/OptimBench.java
 */
public class OptimBench {

    static void schedule(String name, Function<Optimizer, LRScheduler> build) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 30; round++) {
            SGD optimizer = new SGD(List.of(Torch.zeros(1).requiresGrad_()), Map.of("lr", 0.1, "momentum", 0.9));
            LRScheduler scheduler = build.apply(optimizer);
            optimizer.step();
            long start = System.nanoTime();
            for (int i = 0; i < 10_000; i++) {
                scheduler.step();
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        System.out.printf("%s, 10000 steps: %.2f ms%n", name, best);
    }

    static void optimizerStep(String name, Function<List<Tensor>, Optimizer> build) {
        Tensor weights = Torch.zeros(10_000_000).requiresGrad_();
        weights.setGrad(Torch.ones(10_000_000));
        Optimizer optimizer = build.apply(List.of(weights));
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 8; round++) {
            long start = System.nanoTime();
            optimizer.step();
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        System.out.printf("%s, one step over 10M parameters: %.1f ms%n", name, best);
    }

    public static void main(String[] args) {
        schedule("StepLR", o -> new StepLR(o, 30, 0.1));
        schedule("CosineAnnealingLR", o -> new CosineAnnealingLR(o, 10_000));
        schedule("OneCycleLR", o -> new OneCycleLR(o, Map.of("max_lr", 0.1, "total_steps", 10_001)));
        optimizerStep("Adam", p -> new Adam(p, Map.of("lr", 1e-3)));
        optimizerStep("SGD momentum", p -> new SGD(p, Map.of("lr", 1e-3, "momentum", 0.9)));
    }
}
