package dev.optimlab.bench;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One optimizer step over 10M float32 parameters, written with the tensor ops of PyTorch 2.x's
 * single-tensor {@code torch.optim.Adam} and {@code SGD} (momentum), beside a plain Java copy loop for the
 * machine's memory bandwidth; tools/bench/optimizer_bench.py times the same on PyTorch with one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OptimizerStepBench {
    private static final int N = 10_000_000;

    private Tensor param;
    private Tensor grad;
    private Tensor expAvg;
    private Tensor expAvgSq;
    private Tensor momentum;
    private float[] source;
    private float[] target;
    private int step;
    private AutoCloseable noGrad;

    @Setup
    public void setUp() {
        Torch.manualSeed(0);
        noGrad = Torch.noGrad();
        param = Torch.randn(N);
        grad = Torch.randn(N);
        expAvg = Torch.zeros(N);
        expAvgSq = Torch.zeros(N);
        momentum = Torch.randn(N);
        source = new float[N];
        target = new float[N];
    }

    @TearDown
    public void tearDown() throws Exception {
        noGrad.close();
    }

    /** Adam(lr=1e-3): lerp_, mul_ + addcmul_, sqrt / bias correction + eps, addcdiv_. */
    @Benchmark
    public Tensor adamStep() {
        step++;
        double bias1 = 1 - Math.pow(0.9, step);
        double bias2Sqrt = Math.sqrt(1 - Math.pow(0.999, step));
        expAvg.lerp_(grad, 0.1);
        expAvgSq.mul_(0.999).addcmul_(grad, grad, 0.001);
        Tensor denom = expAvgSq.sqrt().div(bias2Sqrt).add_(1e-8);
        return param.addcdiv_(expAvg, denom, -1e-3 / bias1);
    }

    /** SGD(lr=0.01, momentum=0.9) after its first step: buf = 0.9 * buf + grad; param -= lr * buf. */
    @Benchmark
    public Tensor sgdMomentumStep() {
        momentum.mul_(0.9).add_(grad, 1.0);
        return param.add_(momentum, -0.01);
    }

    /** The memory bandwidth a Java loop reaches here: reads and writes 10M floats. */
    @Benchmark
    public float[] plainCopyLoop() {
        float[] from = source;
        float[] to = target;
        for (int i = 0; i < N; i++) {
            to[i] = from[i];
        }
        return to;
    }
}
