package dev.optimlab.bench;

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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The real {@code torch.optim} classes: one {@code Adam} / {@code SGD(momentum=0.9)} step over 10M float32
 * parameters, and 10,000 scheduler steps; tools/bench/optimizer_bench.py and optim_bench.py time PyTorch.
 */
public class TorchOptimBench {

    @State(Scope.Thread)
    public static class Step {
        @Param({"adam", "sgd-momentum"})
        String optimizer;

        Optimizer opt;

        @Setup(Level.Trial)
        public void setUp() {
            Torch.manualSeed(0);
            Tensor param = Torch.randn(10_000_000).requiresGrad_(true);
            param.setGrad(Torch.randn(10_000_000));
            opt = optimizer.equals("adam")
                    ? new Adam(List.of(param), Map.of("lr", 1e-3))
                    : new SGD(List.of(param), Map.of("lr", 0.01, "momentum", 0.9));
        }
    }

    @State(Scope.Thread)
    public static class Schedules {
        @Param({"StepLR", "CosineAnnealingLR", "OneCycleLR"})
        String scheduler;

        Optimizer opt;

        @Setup(Level.Invocation)
        public void setUp() {
            opt = new SGD(List.of(Torch.zeros(1).requiresGrad_(true)), Map.of("lr", 0.1, "momentum", 0.9));
        }

        LRScheduler create() {
            return switch (scheduler) {
                case "StepLR" -> new StepLR(opt, 30, 0.1);
                case "CosineAnnealingLR" -> new CosineAnnealingLR(opt, 10_000);
                default -> new OneCycleLR(opt, Map.of("max_lr", 0.1, "total_steps", 10_001));
            };
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Optimizer optimizerStep(Step state) {
        state.opt.step();
        return state.opt;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public LRScheduler tenThousandSchedulerSteps(Schedules state) {
        LRScheduler scheduler = state.create();
        for (int i = 0; i < 10_000; i++) {
            scheduler.step();
        }
        return scheduler;
    }
}
