package dev.optimlab.bench;

import dev.optimlab.torch.Generator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** torch.rand / torch.randn on the CPU generator, compared with tools/bench/pytorch_bench.py. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GeneratorBench {

    @Param({"1000000"})
    int n;

    private Generator generator;
    private float[] floats;

    @Setup
    public void setUp() {
        generator = new Generator().manualSeed(0);
        floats = new float[n];
    }

    @Benchmark
    public float[] randFloat32() {
        generator.uniform(floats, 0, n, 0, 1);
        return floats;
    }

    @Benchmark
    public float[] randnFloat32() {
        generator.normal(floats, 0, n, 0, 1);
        return floats;
    }
}
