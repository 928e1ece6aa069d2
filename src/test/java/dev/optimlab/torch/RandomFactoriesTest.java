package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays golden/tensor/random.json: seeded sequences of draws recorded from real PyTorch. */
@DisplayName("Random factories draw PyTorch's numbers bit for bit")
class RandomFactoriesTest {

    static Stream<Arguments> sequences() throws IOException {
        try (InputStream in = RandomFactoriesTest.class.getResourceAsStream("/golden/tensor/random.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Arguments> out = new ArrayList<>();
            root.get("sequences").forEach(s -> out.add(Arguments.of(s.get("seed").asLong(), s.get("draws"))));
            return out.stream();
        }
    }

    @ParameterizedTest(name = "after manual_seed({0})")
    @MethodSource("sequences")
    void drawsTheSameSequence(long seed, JsonNode draws) {
        try (ComputeContext.Scope ignored = ComputeContext.install(new ComputeContext())) {
            Torch.manualSeed(seed);
            for (JsonNode draw : draws) {
                Golden.assertMatches(draw(draw), draw.get("output"), 0, 0);
            }
        }
    }

    private static Tensor draw(JsonNode d) {
        return switch (d.get("call").asText()) {
            case "rand" -> Torch.rand(Golden.shape(d.get("shape")));
            case "randn" -> Torch.randn(Golden.shape(d.get("shape")));
            case "randint" -> Torch.randint(d.get("low").asLong(), d.get("high").asLong(), Golden.shape(d.get("shape")));
            case "randperm" -> Torch.randperm(d.get("n").asInt());
            case "bernoulli" -> Torch.bernoulli(Torch.full(Golden.shape(d.get("shape")), d.get("p").asDouble()));
            case "rand_float64" -> Torch.rand(Golden.shape(d.get("shape")), DType.FLOAT64);
            case "randn_like" -> Torch.randnLike(Torch.zeros(Golden.shape(d.get("shape"))));
            default -> throw new IllegalArgumentException(d.toString());
        };
    }

    @Test
    @DisplayName("keeps each run's generator to its own thread")
    void generatorsArePerRun() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int run = 0; run < 2; run++) {
                results.add(pool.submit(() -> {
                    try (ComputeContext.Scope ignored = ComputeContext.install(new ComputeContext())) {
                        Torch.manualSeed(7);
                        double[] values = new double[0];
                        for (int i = 0; i < 50; i++) {
                            values = Torch.rand(100).toDoubleArray();
                        }
                        return values;
                    }
                }));
            }
            assertThat(results.get(0).get()).containsExactly(results.get(1).get());
        } finally {
            pool.shutdownNow();
        }
    }
}
