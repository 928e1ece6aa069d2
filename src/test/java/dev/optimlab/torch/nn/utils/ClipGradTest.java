package dev.optimlab.torch.nn.utils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.TorchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Gradient clipping matches torch.nn.utils")
class ClipGradTest {

    private static final Map<String, Object> GOLDEN = read();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read() {
        try (InputStream in = ClipGradTest.class.getResourceAsStream("/golden/optim/clipping.json")) {
            return new ObjectMapper().readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Tensor> params(List<List<Object>> grads) {
        return grads.stream().map(spec -> {
            int[] shape = ((List<Number>) spec.get(0)).stream().mapToInt(Number::intValue).toArray();
            Tensor p = Torch.zeros(shape).requiresGrad_();
            p.setGrad(Torch.tensor(spec.get(1)).reshape(shape));
            return p;
        }).toList();
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> normCases() {
        return ((List<Map<String, Object>>) GOLDEN.get("norm")).stream()
                .map(c -> Arguments.of(c.get("max_norm"), c.get("norm_type"), c));
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> valueCases() {
        return ((List<Map<String, Object>>) GOLDEN.get("value")).stream().map(c -> Arguments.of(c.get("clip_value"), c));
    }

    @ParameterizedTest(name = "max_norm={0}, norm_type={1}")
    @MethodSource("normCases")
    @DisplayName("clip_grad_norm_ returns PyTorch's total norm and leaves PyTorch's gradients")
    @SuppressWarnings("unchecked")
    void clipsByNorm(Number maxNorm, Object normType, Map<String, Object> expected) {
        List<Tensor> params = params((List<List<Object>>) GOLDEN.get("grads"));
        double type = normType.equals("inf") ? Double.POSITIVE_INFINITY : ((Number) normType).doubleValue();
        Tensor total = ClipGrad.clipGradNorm_(params, maxNorm.doubleValue(), type, false);
        double expectedTotal = ((Number) expected.get("total_norm")).doubleValue();
        assertThat(total.itemDouble()).isCloseTo(expectedTotal, within(1e-6 + 1e-5 * expectedTotal));
        assertGrads(params, (List<List<Number>>) expected.get("grads"));
    }

    @ParameterizedTest(name = "clip_value={0}")
    @MethodSource("valueCases")
    @DisplayName("clip_grad_value_ clamps as PyTorch does")
    @SuppressWarnings("unchecked")
    void clipsByValue(Number clipValue, Map<String, Object> expected) {
        List<Tensor> params = params((List<List<Object>>) GOLDEN.get("grads"));
        ClipGrad.clipGradValue_(params, clipValue.doubleValue());
        assertGrads(params, (List<List<Number>>) expected.get("grads"));
    }

    @Test
    @DisplayName("a non-finite total norm raises PyTorch's error when asked to")
    @SuppressWarnings("unchecked")
    void refusesNonFiniteNorms() {
        Map<String, Object> error = (Map<String, Object>) GOLDEN.get("nonfinite_error");
        Tensor p = Torch.zeros(2).requiresGrad_();
        p.setGrad(Torch.tensor(List.of(1.0, Double.POSITIVE_INFINITY)));
        assertThatThrownBy(() -> ClipGrad.clipGradNorm_(List.of(p), 1.0, 2.0, true))
                .isInstanceOfSatisfying(TorchException.class,
                        e -> assertThat(e.pythonType().name()).isEqualTo(error.get("type")))
                .hasMessage((String) error.get("message"));
    }

    @Test
    @DisplayName("parameters without gradients give a total norm of zero")
    void noGradientsMeansZero() {
        assertThat(ClipGrad.clipGradNorm_(List.of(Torch.zeros(3).requiresGrad_()), 1.0).itemDouble()).isZero();
    }

    private static void assertGrads(List<Tensor> params, List<List<Number>> expected) {
        for (int i = 0; i < params.size(); i++) {
            double[] want = expected.get(i).stream().mapToDouble(Number::doubleValue).toArray();
            double[] got = params.get(i).grad().toDoubleArray();
            assertThat(got).hasSameSizeAs(want);
            for (int j = 0; j < want.length; j++) {
                assertThat(got[j]).as("grad %d[%d]", i, j).isCloseTo(want[j], within(1e-6 + 1e-5 * Math.abs(want[j])));
            }
        }
    }
}
