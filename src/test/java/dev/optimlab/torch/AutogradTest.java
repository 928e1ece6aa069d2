package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Autograd")
class AutogradTest {

    private static Tensor leaf(double... values) {
        return Torch.fromArray(values, values.length).toFloat().requiresGrad_();
    }

    @Nested
    @DisplayName("in the situations learners get wrong")
    class Scenarios {

        static Stream<Arguments> scenarios() throws IOException {
            try (InputStream in = AutogradTest.class.getResourceAsStream("/golden/tensor/autograd.json")) {
                JsonNode root = new ObjectMapper().readTree(in);
                List<Arguments> out = new ArrayList<>();
                root.get("cases").forEach(c -> out.add(Arguments.of(c.get("name").asText(), c)));
                return out.stream();
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("scenarios")
        @DisplayName("behaves as PyTorch 1.13 did (golden/tensor/autograd.json)")
        void behavesAsPyTorch(String name, JsonNode spec) {
            Runnable scenario = switch (name) {
                case "backward of a non-scalar" -> () -> leaf(1, 2).mul(2.0).backward();
                case "backward of a tensor without grad" -> () -> Torch.zeros(2).sum().backward();
                case "backward twice" -> () -> {
                    Tensor x = leaf(1, 2);
                    Tensor y = x.mul(x).sum();
                    y.backward();
                    y.backward();
                };
                case "backward twice without saved tensors" -> () -> {
                    Tensor y = leaf(1, 2).add(1.0).sum();
                    y.backward();
                    y.backward();
                };
                case "in-place on a leaf" -> () -> Torch.ones(2).requiresGrad_().add_(1.0);
                case "in-place on a view of a leaf" -> () -> Torch.ones(2, 2).requiresGrad_().select(0, 0).add_(1.0);
                case "requires_grad on int64" -> () -> Torch.tensor(List.of(1, 2)).requiresGrad_();
                case "requires_grad false on a non-leaf" -> () -> Torch.ones(2).requiresGrad_().mul(2.0).requiresGrad_(false);
                case "gradient of the wrong shape" -> () -> Torch.ones(3).requiresGrad_().mul(2.0).backward(Torch.ones(2), false);
                case "saved output modified in place" -> () -> {
                    Tensor y = leaf(1, 2, 3).mul(2.0).exp();
                    y.add_(1.0);
                    y.sum().backward();
                };
                case "saved input modified in place" -> () -> {
                    Tensor a = leaf(1, 2, 3).mul(2.0);
                    Tensor y = a.mul(a);
                    a.mul_(3.0);
                    y.sum().backward();
                };
                case "retain_grad without requires_grad" -> () -> Torch.ones(2).retainGrad();
                default -> throw new IllegalArgumentException(name);
            };
            if (spec.has("ok")) {
                scenario.run();
                return;
            }
            TorchException error = catchThrowableOfType(TorchException.class, scenario::run);
            assertThat(error).as("expected %s", spec.get("error")).isNotNull();
            assertThat(error.pythonType().name()).isEqualTo(spec.get("error").get("type").asText());
            assertThat(error.getMessage()).isEqualTo(spec.get("error").get("message").asText());
        }
    }

    @Nested
    @DisplayName("with leaves and non-leaves")
    class Leaves {
        @Test
        @DisplayName("accumulates gradients into .grad across backward calls, in place")
        void accumulates() {
            Tensor x = leaf(1, 2, 3);
            x.mul(x).sum().backward();
            Tensor first = x.grad();
            x.mul(3.0).sum().backward();
            assertThat(x.grad()).isSameAs(first);
            assertThat(x.grad().toDoubleArray()).containsExactly(5, 7, 9);
        }

        @Test
        @DisplayName("keeps gradients of non-leaves only when retain_grad() was called")
        void retainGrad() {
            Tensor x = leaf(1, 2);
            Tensor hidden = x.mul(2.0);
            Tensor dropped = hidden.mul(1.0);
            hidden.retainGrad();
            dropped.mul(dropped).sum().backward();
            assertThat(hidden.retainsGrad()).isTrue();
            assertThat(hidden.grad().toDoubleArray()).containsExactly(4, 8);
            assertThat(dropped.grad()).isNull();
            assertThat(x.isLeaf()).isTrue();
            assertThat(hidden.isLeaf()).isFalse();
        }

        @Test
        @DisplayName("lets gradients flow through every path of a diamond")
        void diamond() {
            Tensor x = leaf(3);
            Tensor y = x.mul(x);
            y.add(y.mul(x)).sum().backward();
            assertThat(x.grad().itemDouble()).isCloseTo(2 * 3 + 3 * 9, within(1e-5));
        }

        @Test
        @DisplayName("seeds backward with the given gradient and keeps the graph on retain_graph")
        void explicitGradient() {
            Tensor x = leaf(1, 2);
            Tensor y = x.mul(x);
            y.backward(Torch.tensor(List.of(1.0, 0.5)), true);
            y.backward(Torch.tensor(List.of(1.0, 0.5)), false);
            assertThat(x.grad().toDoubleArray()).containsExactly(4, 4);
        }

        @Test
        @DisplayName("names the graph's nodes as PyTorch does, down to AccumulateGrad")
        void nextFunctions() {
            Tensor w = leaf(1, 2);
            Tensor y = w.mul(2.0).sum();
            Node mul = y.gradFn().nextFunctions().get(0);
            assertThat(mul.name()).isEqualTo("MulBackward0");
            assertThat(mul.nextFunctions().get(0).name()).isEqualTo("AccumulateGrad");
            assertThat(mul.nextFunctions().get(0).variable()).isSameAs(w);
            assertThat(mul.nextFunctions().get(1)).isNull();
        }

        @Test
        @DisplayName("detaches without history but with shared memory")
        void detach() {
            Tensor x = leaf(1, 2);
            Tensor d = x.mul(2.0).detach();
            assertThat(d.requiresGrad()).isFalse();
            assertThat(d.gradFn()).isNull();
            Tensor view = x.detach();
            try (var ignored = Torch.noGrad()) {
                view.add_(1.0);
            }
            assertThat(x.toDoubleArray()).containsExactly(2, 3);
        }

        @Test
        @DisplayName("passes gradients back through dtype conversions in the input's dtype")
        void conversions() {
            Tensor x = leaf(1, 2);
            Tensor y = x.toDouble();
            assertThat(y.gradFn().name()).isEqualTo("ToCopyBackward0");
            y.mul(3.0).sum().backward();
            assertThat(x.grad().dtype()).isEqualTo(DType.FLOAT32);
            assertThat(x.grad().toDoubleArray()).containsExactly(3, 3);
        }

        @Test
        @DisplayName("records in-place ops on non-leaves as new history")
        void inPlaceOnNonLeaf() {
            Tensor x = leaf(1, 2);
            Tensor y = x.mul(2.0);
            y.add_(x);
            assertThat(y.gradFn().name()).isEqualTo("AddBackward0");
            y.sum().backward();
            assertThat(x.grad().toDoubleArray()).containsExactly(3, 3);
        }
    }

    @Nested
    @DisplayName("grad mode")
    class GradMode {
        @Test
        @DisplayName("records nothing under no_grad and restores the mode afterwards")
        void noGrad() {
            Tensor x = leaf(1, 2);
            try (var ignored = Torch.noGrad()) {
                Tensor y = x.mul(2.0);
                assertThat(y.requiresGrad()).isFalse();
                assertThat(y.gradFn()).isNull();
                try (var inner = Torch.enableGrad()) {
                    assertThat(x.mul(2.0).requiresGrad()).isTrue();
                }
                assertThat(Torch.isGradEnabled()).isFalse();
                x.add_(1.0);
            }
            assertThat(Torch.isGradEnabled()).isTrue();
            assertThat(x.toDoubleArray()).containsExactly(2, 3);
        }

        @Test
        @DisplayName("is per thread, so one run's no_grad does not leak into another's")
        void perThread() throws Exception {
            try (var ignored = Torch.setGradEnabled(false)) {
                boolean otherThread = CompletableFuture.supplyAsync(Torch::isGradEnabled).get();
                assertThat(otherThread).isTrue();
                assertThat(Torch.isGradEnabled()).isFalse();
            }
        }

        @Test
        @DisplayName("only lets floating tensors require grad and propagates the flag through ops")
        void propagation() {
            Tensor a = Torch.ones(2);
            Tensor b = leaf(1, 1);
            assertThat(a.add(a).requiresGrad()).isFalse();
            assertThat(a.add(b).requiresGrad()).isTrue();
            assertThat(b.gt(0.0).requiresGrad()).isFalse();
            assertThat(b.argmax().requiresGrad()).isFalse();
            assertThatThrownBy(() -> Torch.arange(3).requiresGrad_()).isInstanceOf(TorchException.class);
        }
    }
}
