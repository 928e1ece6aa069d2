package dev.optimlab.bench;

import dev.optimlab.torch.Index;
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

/**
 * The tensor core's hot kernels: 1M-element float32 element-wise ops and sums, a 512x512 matmul, an MLP
 * training step and the per-op overhead on tiny tensors; tools/bench/tensor_bench.py times the same
 * workloads on PyTorch with one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TensorOpsBench {
    private Tensor a;
    private Tensor b;
    private Tensor square;
    private Tensor matrix;
    private Tensor small1;
    private Tensor small2;
    private Tensor smallWeight;
    private Tensor x;
    private Tensor w1;
    private Tensor b1;
    private Tensor w2;
    private Tensor b2;
    private Tensor labels;
    private Tensor rows;

    @Setup
    public void setUp() {
        Torch.manualSeed(0);
        a = Torch.randn(1_000_000);
        b = Torch.randn(1_000_000);
        square = Torch.randn(1000, 1000);
        matrix = Torch.randn(512, 512);
        small1 = Torch.randn(10);
        small2 = Torch.randn(10);
        smallWeight = Torch.randn(10).requiresGrad_();
        x = Torch.randn(64, 784);
        w1 = Torch.randn(256, 784).mul(0.03).requiresGrad_();
        b1 = Torch.zeros(256).requiresGrad_();
        w2 = Torch.randn(10, 256).mul(0.06).requiresGrad_();
        b2 = Torch.zeros(10).requiresGrad_();
        labels = Torch.randint(0, 10, 64);
        rows = Torch.arange(64);
    }

    @Benchmark
    public Tensor add1M() {
        return a.add(b);
    }

    @Benchmark
    public Tensor mul1M() {
        return a.mul(b);
    }

    @Benchmark
    public Tensor exp1M() {
        return a.exp();
    }

    @Benchmark
    public Tensor sum1M() {
        return a.sum();
    }

    @Benchmark
    public Tensor sumDim0Of1000x1000() {
        return square.sum(0);
    }

    @Benchmark
    public Tensor matmul512() {
        return matrix.mm(matrix);
    }

    @Benchmark
    public Tensor mlp784x256x10Batch64ForwardBackward() {
        Tensor h = x.matmul(w1.t()).add(b1).relu();
        Tensor logp = h.matmul(w2.t()).add(b2).logSoftmax(1);
        Tensor loss = logp.index(Index.of(rows), Index.of(labels)).mean().neg();
        loss.backward();
        return loss;
    }

    @Benchmark
    public Tensor smallAdd10() {
        return small1.add(small2);
    }

    @Benchmark
    public Tensor smallMulSumBackward10() {
        Tensor loss = smallWeight.mul(small1).sum();
        loss.backward();
        return loss;
    }
}
