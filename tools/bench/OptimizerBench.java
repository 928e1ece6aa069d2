import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;

/**
 * A quick timing of one optimizer step over 10M float32 parameters and of the in-place ops it is made of, the
 * same workloads as tools/bench/optimizer_bench.py runs on PyTorch; also a plain Java copy loop for the
 * machine's memory bandwidth. Median of 7 rounds, in milliseconds. Run with the compiled classes on the class
 * path: java -XX:ActiveProcessorCount=1 -Xmx2g -cp target/classes tools/bench/OptimizerBench.java
 */
public class OptimizerBench {
    static final int N = 10_000_000;

    static double median(Runnable r) {
        r.run();
        r.run();
        double[] ms = new double[7];
        for (int round = 0; round < ms.length; round++) {
            long t0 = System.nanoTime();
            r.run();
            ms[round] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    static void report(String name, double ms, int arrays) {
        System.out.printf("%-28s %8.2f ms  %6.1f GB/s%n", name, ms, (double) arrays * N * 4 / ms / 1e6);
    }

    public static void main(String[] args) {
        try (var ignored = Torch.noGrad()) {
            Tensor param = Torch.randn(N);
            Tensor grad = Torch.randn(N);
            Tensor expAvg = Torch.zeros(N);
            Tensor expAvgSq = Torch.zeros(N);
            Tensor buf = Torch.randn(N);
            float[] src = new float[N];
            float[] dst = new float[N];
            report("java copy loop", median(() -> {
                for (int i = 0; i < N; i++) {
                    dst[i] = src[i];
                }
            }), 2);
            report("mul_(scalar)", median(() -> buf.mul_(0.999)), 2);
            report("addcmul_", median(() -> expAvgSq.addcmul_(grad, grad, 0.001)), 4);
            report("addcdiv_", median(() -> buf.addcdiv_(grad, param, 1e-9)), 4);
            report("lerp_", median(() -> expAvg.lerp_(grad, 0.1)), 3);
            report("div(scalar)", median(() -> buf.div(0.5)), 2);
            report("sqrt", median(expAvgSq::sqrt), 2);
            // torch.optim.Adam's single-tensor step (no amsgrad, no weight decay), as in PyTorch 2.x.
            int[] step = {0};
            report("Adam step", median(() -> {
                step[0]++;
                double bias1 = 1 - Math.pow(0.9, step[0]);
                double bias2Sqrt = Math.sqrt(1 - Math.pow(0.999, step[0]));
                expAvg.lerp_(grad, 0.1);
                expAvgSq.mul_(0.999).addcmul_(grad, grad, 0.001);
                Tensor denom = expAvgSq.sqrt().div(bias2Sqrt).add_(1e-8);
                param.addcdiv_(expAvg, denom, -1e-3 / bias1);
            }), 4 + 4 + 3 + 4 + 4);
            // torch.optim.SGD with momentum 0.9 after its first step.
            report("SGD momentum step", median(() -> {
                buf.mul_(0.9).add_(grad, 1.0);
                param.add_(buf, -0.01);
            }), 3 + 3);
        }
    }
}
