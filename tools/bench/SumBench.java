import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;

/**
 * A quick timing of float32 sums in ATen's order: all of 1M elements, and over each dim of a 1000x1000 matrix.
 * Median of 7 rounds of 20 calls, in microseconds per call. Run with the compiled classes on the class path:
 * java -XX:ActiveProcessorCount=1 -cp target/classes tools/bench/SumBench.java
 */
public class SumBench {
    static double median(Runnable r, int reps) {
        for (int i = 0; i < reps; i++) {
            r.run();
        }
        double[] us = new double[7];
        for (int k = 0; k < us.length; k++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                r.run();
            }
            us[k] = (System.nanoTime() - t0) / 1e3 / reps;
        }
        java.util.Arrays.sort(us);
        return us[us.length / 2];
    }

    public static void main(String[] args) {
        Tensor x = Torch.randn(1_000_000);
        Tensor m = Torch.randn(1000, 1000);
        System.out.printf("sum 1M %.0f us, sum(0) 1000x1000 %.0f us, sum(1) %.0f us%n",
                median(x::sum, 20), median(() -> m.sum(0), 20), median(() -> m.sum(1), 20));
    }
}
