package dev.optimlab.torch.utils.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optimlab.torch.Generator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The notes' vectors for DataLoader, RandomSampler and random_split (PyTorch 1.13, seed 0). */
@DisplayName("Shuffled data loading")
class DataLoadingTest {

    @Nested
    @DisplayName("DataLoader(range(10), shuffle=True)")
    class Loader {

        @Test
        @DisplayName("draws _base_seed first, then the sampler's seed, then permutes on a fresh generator")
        void firstEpoch() {
            Generator defaultGenerator = new Generator().manualSeed(0);
            DataLoaderEpoch epoch = DataLoaderEpoch.shuffled(defaultGenerator, 10, null);
            assertThat(epoch.baseSeed()).isEqualTo(900450186894289455L);
            assertThat(epoch.order()).containsExactly(6, 7, 1, 4, 2, 0, 9, 8, 3, 5);
        }

        @Test
        @DisplayName("takes four draws of the default generator per epoch")
        void fourDrawsPerEpoch() {
            Generator defaultGenerator = new Generator().manualSeed(0);
            DataLoaderEpoch.shuffled(defaultGenerator, 10, null);
            Generator reference = new Generator().manualSeed(0);
            for (int i = 0; i < 4; i++) {
                reference.nextRandom32();
            }
            assertThat(defaultGenerator.nextRandom64()).isEqualTo(reference.nextRandom64());
        }

        @Test
        @DisplayName("leaves the default generator alone when the loader has its own")
        void ownGenerator() {
            Generator defaultGenerator = new Generator().manualSeed(0);
            DataLoaderEpoch.shuffled(defaultGenerator, 10, new Generator().manualSeed(3));
            assertThat(defaultGenerator.nextRandom32()).isEqualTo(2357136044L);
        }
    }

    @Nested
    @DisplayName("RandomSampler")
    class Sampler {

        @Test
        @DisplayName("lists range(10) in PyTorch's order for seed 0")
        void list() {
            assertThat(new RandomSampler(10).iterate(new Generator().manualSeed(0)))
                    .containsExactly(6, 9, 0, 7, 3, 5, 4, 2, 1, 8);
        }

        @Test
        @DisplayName("refuses a non-positive num_samples with PyTorch's message")
        void numSamples() {
            assertThatThrownBy(() -> new RandomSampler(10, true, 0, null))
                    .hasMessage("num_samples should be a positive integer value, but got num_samples=0");
        }
    }

    @Nested
    @DisplayName("random_split")
    class Split {

        @Test
        @DisplayName("cuts one randperm of the default generator into consecutive pieces")
        void pieces() {
            long[][] parts = RandomSplit.split(new Generator().manualSeed(0), 10, 7, 3);
            assertThat(parts[0]).containsExactly(4, 1, 7, 5, 3, 9, 0);
            assertThat(parts[1]).containsExactly(8, 6, 2);
        }

        @Test
        @DisplayName("turns fractions into lengths, handing the remainder out from the first piece")
        void fractions() {
            assertThat(RandomSplit.lengthsFromFractions(11, 0.5, 0.3, 0.2)).containsExactly(6, 3, 2);
            assertThat(RandomSplit.lengthsFromFractions(10, 0.25, 0.25, 0.25, 0.25)).containsExactly(3, 3, 2, 2);
        }

        @Test
        @DisplayName("refuses lengths that do not add up, with PyTorch's message")
        void mismatch() {
            assertThatThrownBy(() -> RandomSplit.split(new Generator(), 10, 5, 4))
                    .hasMessage("Sum of input lengths does not equal the length of the input dataset!");
        }
    }
}
