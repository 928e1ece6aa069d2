package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The test vectors of the notes on PyTorch 1.13's CPU generator (values taken from real PyTorch). */
@DisplayName("Generator")
class GeneratorTest {

    private static Generator seeded(long seed) {
        return new Generator().manualSeed(seed);
    }

    private static float[] floats(int n, java.util.function.Consumer<float[]> fill) {
        float[] out = new float[n];
        fill.accept(out);
        return out;
    }

    @Nested
    @DisplayName("the mt19937 engine")
    class Engine {

        @Test
        @DisplayName("yields mt19937's outputs for seed 0")
        void rawOutputs() {
            Generator generator = seeded(0);
            assertThat(new long[] {generator.nextRandom32(), generator.nextRandom32(), generator.nextRandom32()})
                    .containsExactly(2357136044L, 2546248239L, 3071714933L);
        }

        @Test
        @DisplayName("joins two outputs into random64, first one high")
        void random64() {
            Generator generator = seeded(0);
            assertThat(generator.nextRandom64()).isEqualTo((2357136044L << 32) | 2546248239L);
        }

        @Test
        @DisplayName("gives random_() on int64 as random64 mod 2^63")
        void randomInt64() {
            assertThat(seeded(0).randomInt64()).isEqualTo(900450186894289455L);
        }

        @Test
        @DisplayName("uses only the low 32 bits of the seed")
        void low32BitsOfSeed() {
            assertThat(seeded((1L << 32) + 5).nextRandom32()).isEqualTo(seeded(5).nextRandom32());
        }

        @Test
        @DisplayName("remembers the seed it was given, unsigned")
        void initialSeed() {
            assertThat(seeded(-1).initialSeed()).isEqualTo(-1L);
            assertThat(new Generator().initialSeed()).isEqualTo(67280421310721L);
        }
    }

    @Nested
    @DisplayName("uniform draws")
    class Uniform {

        @Test
        @DisplayName("match rand(4) for seed 0")
        void randFloat() {
            assertThat(floats(4, out -> seeded(0).uniform(out, 0, 4, 0, 1)))
                    .containsExactly(0.49625658988952637f, 0.7682217955589294f, 0.08847743272781372f, 0.13203048706054688f);
        }

        @Test
        @DisplayName("match rand(3, dtype=float64) for seed 42")
        void randDouble() {
            double[] out = new double[3];
            seeded(42).uniform(out, 0, 3, 0, 1);
            assertThat(out).containsExactly(0.05815448596142969, 0.06291016742457756, 0.12358607277440903);
        }

        @Test
        @DisplayName("match uniform_(-2.5, 3.7) for seed 1, which needs the fused multiply-add")
        void uniformRange() {
            assertThat(floats(4, out -> seeded(1).uniform(out, 0, 4, -2.5, 3.7)))
                    .containsExactly(2.1973156929016113f, -0.7682725787162781f, -0.0009706789278425276f, 2.0550434589385986f);
        }

        @Test
        @DisplayName("reject a range whose start lies above its end, with PyTorch's message")
        void rejectsReversedRange() {
            assertThatThrownBy(() -> seeded(0).uniform(new float[1], 0, 1, 1.5, 0.25))
                    .hasMessage("uniform_ expects to return a [from, to) range, but found from=1.5 > to=0.25");
        }
    }

    @Nested
    @DisplayName("normal draws")
    class Normal {

        @Test
        @DisplayName("take the scalar path below 16 elements: randn(4), seed 0")
        void scalarPath() {
            assertThat(floats(4, out -> seeded(0).normal(out, 0, 4, 0, 1)))
                    .containsExactly(1.5409960746765137f, -0.293428897857666f, -2.1787893772125244f, 0.5684312582015991f);
        }

        @Test
        @DisplayName("take the scalar path below 16 elements: randn(5), seed 42")
        void scalarPathOddCount() {
            assertThat(floats(5, out -> seeded(42).normal(out, 0, 5, 0, 1))).containsExactly(
                    0.33669036626815796f, 0.12880940735340118f, 0.23446236550807953f, 0.23033303022384644f,
                    -1.1228563785552979f);
        }

        @Test
        @DisplayName("take the 16-wide fill path: randn(16), seed 0")
        void fillPath() {
            float[] out = floats(16, o -> seeded(0).normal(o, 0, 16, 0, 1));
            assertThat(new float[] {out[0], out[1], out[2], out[8], out[9], out[10]}).containsExactly(
                    -1.1258398294448853f, -1.152360200881958f, -0.2505785822868347f,
                    0.32227492332458496f, -1.2633347511291504f, 0.34998318552970886f);
        }

        @Test
        @DisplayName("recompute the last block from fresh draws: randn(17), seed 1")
        void fillPathTail() {
            float[] out = floats(17, o -> seeded(1).normal(o, 0, 17, 0, 1));
            assertThat(new float[] {out[0], out[1], out[16]})
                    .containsExactly(-1.5255959033966064f, -1.1607614755630493f, -0.7984398007392883f);
        }

        @Test
        @DisplayName("scale and shift on both paths: normal_(0.5, 2.0), seed 1")
        void meanAndStd() {
            assertThat(floats(3, out -> seeded(1).normal(out, 0, 3, 0.5, 2.0)))
                    .containsExactly(1.8227043151855469f, 1.0338481664657593f, 0.6233544945716858f);
            float[] block = floats(32, out -> seeded(1).normal(out, 0, 32, 0.5, 2.0));
            assertThat(new float[] {block[0], block[1], block[2]})
                    .containsExactly(-2.551191806793213f, -1.000463604927063f, -0.8079618215560913f);
        }

        @Test
        @DisplayName("stay within an ulp of 1.13's randn(3, dtype=float64), seed 1234 (2.x takes log1p there)")
        void scalarPathDouble() {
            double[] out = new double[3];
            seeded(1234).normal(out, 0, 3, 0, 1);
            double[] pyTorch113 = {0.04613046189666927, 0.4024028259218943, -1.0115290977852014};
            for (int i = 0; i < 3; i++) {
                assertThat(out[i]).isCloseTo(pyTorch113[i], within(Math.ulp(pyTorch113[i])));
            }
        }

        @Test
        @DisplayName("refuse a negative std with PyTorch's message")
        void negativeStd() {
            assertThatThrownBy(() -> seeded(0).normal(new float[3], 0, 3, 0, -0.5))
                    .hasMessage("normal expects std >= 0.0, but found std -0.5");
        }

        @Test
        @DisplayName("keep the cached sine half until manual_seed clears it")
        void cacheClearedBySeed() {
            Generator generator = seeded(0);
            generator.normalScalar(0, 1);
            generator.manualSeed(0);
            assertThat((float) generator.normalScalar(0, 1)).isEqualTo(1.5409960746765137f);
        }
    }

    @Nested
    @DisplayName("integer draws")
    class Integers {

        @Test
        @DisplayName("match randint(0, 10, (8,)), seed 1234")
        void smallRange() {
            long[] out = new long[8];
            seeded(1234).randint(out, 0, 8, 0, 10);
            assertThat(out).containsExactly(5, 1, 6, 5, 6, 4, 2, 5);
        }

        @Test
        @DisplayName("use random64 for ranges of 2^32 or more: randint(3, 2**40, (2,)), seed 42")
        void wideRange() {
            long[] out = new long[2];
            seeded(42).randint(out, 0, 2, 3, 1L << 40);
            assertThat(out).containsExactly(441526641482L, 395972688666L);
        }

        @Test
        @DisplayName("refuse empty ranges and negative sizes with PyTorch's messages")
        void refusals() {
            assertThatThrownBy(() -> seeded(0).randint(new long[2], 0, 2, 5, 5))
                    .hasMessage("random_ expects 'from' to be less than 'to', but got from=5 >= to=5");
            assertThatThrownBy(() -> seeded(0).randperm(-1))
                    .hasMessage("Trying to create tensor with negative dimension -1: [-1]");
        }

        @Test
        @DisplayName("match randperm(10), seed 0, and randperm(8), seed 42")
        void randperm() {
            assertThat(seeded(0).randperm(10)).containsExactly(4, 1, 7, 5, 3, 9, 0, 8, 6, 2);
            assertThat(seeded(42).randperm(8)).containsExactly(6, 3, 0, 7, 2, 1, 4, 5);
        }
    }

    @Nested
    @DisplayName("Bernoulli draws")
    class Bernoulli {

        @Test
        @DisplayName("match bernoulli(full((8,), 0.5)), seed 0")
        void tensorProbability() {
            float[] p = new float[8];
            java.util.Arrays.fill(p, 0.5f);
            assertThat(floats(8, out -> seeded(0).bernoulli(out, 0, 8, p, 0)))
                    .containsExactly(1, 0, 1, 1, 1, 0, 1, 0);
        }

        @Test
        @DisplayName("refuse a probability outside [0, 1] in P with PyTorch's message, after the draws before it")
        void tensorProbabilityRange() {
            Generator generator = seeded(0);
            float[] p = {0.5f, Float.NaN, 0.5f};
            assertThatThrownBy(() -> generator.bernoulli(new float[3], 0, 3, p, 0))
                    .hasMessageStartingWith("Expected p_in >= 0 && p_in <= 1 to be true, but got false.");
            assertThat(generator.nextRandom32()).isEqualTo(2546248239L);
        }

        @Test
        @DisplayName("match F.dropout's noise for p = 0.5 and p = 0.2, seed 0")
        void dropout() {
            assertThat(floats(8, out -> seeded(0).dropoutNoise(out, 0, 8, 0.5)))
                    .containsExactly(0, 0, 2, 0, 0, 0, 2, 2);
            assertThat(floats(6, out -> seeded(0).dropoutNoise(out, 0, 6, 0.2)))
                    .containsExactly(0, 1.25f, 1.25f, 0, 1.25f, 1.25f);
        }
    }

    @Nested
    @DisplayName("CPU capabilities")
    class Capabilities {

        @Test
        @DisplayName("give AVX-512 hosts DEFAULT's normal block and AVX2's fused uniform (derived from PyTorch's source)")
        void avx512() {
            float[] avx512 = floats(40, out -> seeded(3).cpuCapability(CpuCapability.AVX512).normal(out, 0, 40, 0, 1));
            float[] generic = floats(40, out -> seeded(3).cpuCapability(CpuCapability.DEFAULT).normal(out, 0, 40, 0, 1));
            float[] avx2 = floats(40, out -> seeded(3).normal(out, 0, 40, 0, 1));
            assertThat(avx512).isEqualTo(generic).isNotEqualTo(avx2);

            float[] avx512Uniform = floats(40, out -> seeded(3).cpuCapability(CpuCapability.AVX512).uniform(out, 0, 40, -2.5, 3.7));
            assertThat(avx512Uniform).isEqualTo(floats(40, out -> seeded(3).uniform(out, 0, 40, -2.5, 3.7)));
        }

        @Test
        @DisplayName("match uniform_(-2.5, 3.7) for seed 1 on the DEFAULT kernel, which rounds twice")
        void defaultUniform() {
            assertThat(floats(4, out -> seeded(1).cpuCapability(CpuCapability.DEFAULT).uniform(out, 0, 4, -2.5, 3.7)))
                    .containsExactly(2.1973156929016113f, -0.7682726383209229f, -0.0009706020355224609f, 2.0550436973571777f);
        }

        @Test
        @DisplayName("travel with copies")
        void copied() {
            assertThat(seeded(0).cpuCapability(CpuCapability.DEFAULT).copy().cpuCapability()).isEqualTo(CpuCapability.DEFAULT);
            assertThat(new Generator().cpuCapability()).isEqualTo(CpuCapability.AVX2);
        }
    }

    @Nested
    @DisplayName("seeding")
    class Seeding {

        @Test
        @DisplayName("reseeds from the system with seed() and reports that seed")
        void nondeterministicSeed() {
            Generator generator = new Generator();
            long seed = generator.seed();
            assertThat(generator.initialSeed()).isEqualTo(seed);
            assertThat(generator.nextRandom64()).isEqualTo(seeded(seed).nextRandom64());
        }

        @Test
        @DisplayName("refuses a probability outside [0, 1] with PyTorch's message")
        void probabilityRange() {
            assertThatThrownBy(() -> seeded(0).bernoulli(new float[3], 0, 3, 1.5))
                    .hasMessage("bernoulli_ expects p to be in [0, 1], but got p=1.5");
        }
    }

    @Nested
    @DisplayName("copies and state")
    class CopiesAndState {

        @Test
        @DisplayName("let a copy continue the same stream independently")
        void copyIsIndependent() {
            Generator original = seeded(7);
            original.normalScalar(0, 1);
            Generator copy = original.copy();
            assertThat(copy.normalScalar(0, 1)).isEqualTo(original.normalScalar(0, 1));
            assertThat(copy.nextRandom64()).isEqualTo(original.nextRandom64());
        }

        @Test
        @DisplayName("restore the engine from get_state's 5056 bytes")
        void stateRoundTrip() {
            Generator generator = seeded(3);
            generator.nextRandom32();
            byte[] state = generator.getState();
            assertThat(state).hasSize(5056);
            long expected = generator.nextRandom64();
            Generator other = new Generator();
            other.setState(state);
            assertThat(other.nextRandom64()).isEqualTo(expected);
            assertThat(other.initialSeed()).isEqualTo(3);
        }

        @Test
        @DisplayName("restore a cached normal along with the engine")
        void stateKeepsCache() {
            Generator generator = seeded(9);
            generator.normalScalar(0, 1);
            byte[] state = generator.getState();
            double cached = generator.normalScalar(0, 1);
            Generator other = new Generator();
            other.setState(state);
            assertThat(other.normalScalar(0, 1)).isEqualTo(cached);
        }

        @Test
        @DisplayName("refuse an engine state PyTorch calls invalid")
        void invalidEngine() {
            byte[] state = new Generator().getState();
            state[8] = 0;
            assertThatThrownBy(() -> new Generator().setState(state)).hasMessage("Invalid mt19937 state");
        }

        @Test
        @DisplayName("refuse a state of the wrong size with PyTorch's message")
        void wrongSize() {
            assertThatThrownBy(() -> new Generator().setState(new byte[100]))
                    .hasMessage("Expected either a THGeneratorState of size 5048 or a THGeneratorStateNew of size 5056"
                            + " but found the input RNG state size to be 100");
        }
    }

    @Nested
    @DisplayName("threads")
    class Threads {

        @Test
        @DisplayName("do not disturb each other's generators")
        void generatorsOnTwoThreadsAreIndependent() throws Exception {
            int n = 200_000;
            long[] expectedPermutation = seeded(12).randperm(n);

            float[] normals = new float[n];
            long[][] permutation = new long[1][];
            Generator first = seeded(11);
            Generator second = seeded(12);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            Thread normalThread = new Thread(() -> {
                await(start);
                for (int off = 0; off < n; off += 1000) {
                    first.normal(normals, off, 1000, 0, 1);
                }
            });
            Thread permutationThread = new Thread(() -> {
                await(start);
                permutation[0] = second.randperm(n);
            });
            normalThread.start();
            permutationThread.start();
            start.countDown();
            normalThread.join(10_000);
            permutationThread.join(10_000);

            float[] chunked = new float[n];
            Generator reference = seeded(11);
            for (int off = 0; off < n; off += 1000) {
                reference.normal(chunked, off, 1000, 0, 1);
            }
            assertThat(normals).isEqualTo(chunked);
            assertThat(permutation[0]).isEqualTo(expectedPermutation);
        }

        @Test
        @DisplayName("share one generator without losing or repeating a draw, as PyTorch's mutex ensures")
        void sharedGeneratorHandsOutEachDrawOnce() throws Exception {
            int perThread = 50_000;
            Generator shared = seeded(5);
            long[][] drawn = new long[2][perThread];
            Thread[] threads = new Thread[2];
            for (int t = 0; t < 2; t++) {
                long[] mine = drawn[t];
                threads[t] = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        mine[i] = shared.nextRandom64();
                    }
                });
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join(10_000);
            }
            Generator sequential = seeded(5);
            long[] expected = new long[2 * perThread];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = sequential.nextRandom64();
            }
            long[] actual = java.util.stream.Stream.of(drawn).flatMapToLong(java.util.Arrays::stream).sorted().toArray();
            java.util.Arrays.sort(expected);
            assertThat(actual).isEqualTo(expected);
        }

        private static void await(java.util.concurrent.CountDownLatch latch) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
