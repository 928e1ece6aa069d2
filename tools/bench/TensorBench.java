import dev.optimlab.torch.Index;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;

/**
 * A quick timing of the tensor core, the same workloads as tools/bench/tensor_bench.py runs on PyTorch.
 * Best of 5 rounds, in microseconds per call. Run with the compiled classes on the class path:
 * java -XX:ActiveProcessorCount=1 -cp target/classes tools/bench/TensorBench.java
 */
public class TensorBench {
    static double time(Runnable r, int reps) {
        for (int i = 0; i < Math.max(3, reps / 5); i++) {
            r.run();
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                r.run();
            }
            best = Math.min(best, (System.nanoTime() - t0) / reps);
        }
        return best / 1000.0;
    }

    public static void main(String[] args) {
        Tensor a = Torch.randn(1_000_000);
        Tensor b = Torch.randn(1_000_000);
        System.out.printf("add 1M: %.1f us%n", time(() -> a.add(b), 50));
        System.out.printf("mul 1M: %.1f us%n", time(() -> a.mul(b), 50));
        System.out.printf("exp 1M: %.1f us%n", time(a::exp, 50));
        System.out.printf("add_ 1M no_grad: %.1f us%n", time(() -> {
            try (var ignored = Torch.noGrad()) {
                a.add_(b, 0.001);
            }
        }, 50));
        Tensor m = Torch.randn(512, 512);
        System.out.printf("matmul 512: %.1f us%n", time(() -> m.mm(m), 5));
        Tensor s1 = Torch.randn(10);
        Tensor s2 = Torch.randn(10);
        System.out.printf("small add (10): %.2f us%n", time(() -> s1.add(s2), 200000));
        Tensor w = Torch.randn(10).requiresGrad_();
        System.out.printf("small mul+sum+backward (10): %.2f us%n", time(() -> w.mul(s1).sum().backward(), 50000));
        Tensor x = Torch.randn(64, 784);
        Tensor w1 = Torch.randn(256, 784).mul(0.03).requiresGrad_();
        Tensor b1 = Torch.zeros(256).requiresGrad_();
        Tensor w2 = Torch.randn(10, 256).mul(0.06).requiresGrad_();
        Tensor b2 = Torch.zeros(10).requiresGrad_();
        Tensor y = Torch.randint(0, 10, 64);
        Tensor rows = Torch.arange(64);
        System.out.printf("MLP 784-256-10 b64 fwd+bwd: %.1f us%n", time(() -> {
            Tensor h = x.matmul(w1.t()).add(b1).relu();
            Tensor logp = h.matmul(w2.t()).add(b2).logSoftmax(1);
            logp.index(Index.of(rows), Index.of(y)).mean().neg().backward();
        }, 30));
    }
}
