package dev.optimlab.torch.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optimlab.torch.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Optimizer trajectories recorded from PyTorch")
class OptimizerGoldenTest {

    static final double RTOL = 1e-5;
    static final double ATOL = 1e-6;
    private static final ObjectMapper JSON = new ObjectMapper();

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String resource) {
        try (InputStream in = OptimizerGoldenTest.class.getResourceAsStream(resource)) {
            return JSON.readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() {
        return Optimizers.NAMES.stream().flatMap(name -> {
                    Map<String, Object> file = read("/golden/optim/trajectories_" + name + ".json");
                    GoldenProblems problems = new GoldenProblems((Map<String, Map<String, Object>>) file.get("problems"),
                            (Map<String, List<List<Object>>>) file.get("starts"));
                    return ((List<Map<String, Object>>) file.get("cases")).stream()
                            .map(c -> Arguments.of(c.get("name"), c, problems));
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("each step gives PyTorch's loss, parameters and state buffers")
    @SuppressWarnings("unchecked")
    void replaysTrajectory(String name, Map<String, Object> golden, GoldenProblems problems) {
        String problem = (String) golden.get("problem");
        List<Tensor> params = problems.start(problem);
        Optimizer optimizer = create(golden, params);
        boolean closureBased = golden.get("optimizer").equals("LBFGS");
        Map<String, Object> lrChanges = (Map<String, Object>) golden.getOrDefault("lr_changes", Map.of());
        List<Map<String, Object>> trajectory = (List<Map<String, Object>>) golden.get("trajectory");
        // A case may carry its own documented tolerance ("tolerance_note" in the fixture says why).
        double rtol = golden.containsKey("rtol") ? number(golden.get("rtol")) : RTOL;
        for (int step = 0; step < trajectory.size(); step++) {
            Object newLr = lrChanges.get(Integer.toString(step));
            if (newLr != null) {
                optimizer.paramGroups().forEach(g -> g.setLr(((Number) newLr).doubleValue()));
            }
            java.util.function.Supplier<Tensor> closure = () -> {
                optimizer.zeroGrad(true);
                Tensor loss = problems.loss(problem, params);
                loss.backward();
                return loss;
            };
            Tensor loss;
            if (closureBased) {
                loss = optimizer.step(closure);
            } else {
                loss = closure.get();
                optimizer.step();
            }
            Map<String, Object> expected = trajectory.get(step);
            String where = name + ", step " + step;
            assertClose(where + " loss", new double[] {loss.itemDouble()}, new double[] {number(expected.get("loss"))}, rtol);
            List<List<Number>> expectedParams = (List<List<Number>>) expected.get("params");
            for (int i = 0; i < params.size(); i++) {
                assertClose(where + " param " + i, params.get(i).toDoubleArray(), doubles(expectedParams.get(i)), rtol);
            }
            List<Map<String, Object>> expectedState = (List<Map<String, Object>>) expected.get("state");
            if (!closureBased) {
                for (int i = 0; i < params.size(); i++) {
                    assertState(where + " state of param " + i, optimizer.state(params.get(i)), expectedState.get(i),
                            rtol);
                }
            } else {
                Map<String, Object> lbfgs = optimizer.state(params.get(0));
                assertThat(((Number) lbfgs.get("func_evals")).doubleValue()).as(where + " func_evals")
                        .isEqualTo(number(expectedState.get(0).get("func_evals")));
                assertThat(((Number) lbfgs.get("n_iter")).doubleValue()).as(where + " n_iter")
                        .isEqualTo(number(expectedState.get(0).get("n_iter")));
            }
        }
    }


    @SuppressWarnings("unchecked")
    static Optimizer create(Map<String, Object> golden, List<Tensor> params) {
        Map<String, Object> kwargs = (Map<String, Object>) golden.get("kwargs");
        Object spec = params;
        List<Map<String, Object>> groups = (List<Map<String, Object>>) golden.get("groups");
        if (groups != null) {
            List<Map<String, Object>> built = new ArrayList<>();
            for (Map<String, Object> group : groups) {
                Map<String, Object> options = new LinkedHashMap<>((Map<String, Object>) group.get("options"));
                options.put("params", ((List<Number>) group.get("params")).stream()
                        .map(i -> params.get(i.intValue())).toList());
                built.add(options);
            }
            spec = built;
        }
        return Optimizers.create((String) golden.get("optimizer"), spec, kwargs);
    }

    static void assertState(String where, Map<String, Object> actual, Map<String, Object> expected, double rtol) {
        assertThat(actual.keySet()).as(where + " keys").containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, value) -> {
            Object mine = actual.get(key);
            double[] actualValues = mine instanceof Tensor t ? t.toDoubleArray() : new double[] {number(mine)};
            double[] expectedValues = value instanceof List<?> list ? doubles(list) : new double[] {number(value)};
            assertClose(where + " " + key, actualValues, expectedValues, rtol);
        });
    }

    static void assertClose(String what, double[] actual, double[] expected, double rtol) {
        assertThat(actual).as(what + " length").hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(actual[i] - expected[i]) > ATOL + rtol * Math.abs(expected[i])) {
                fail(what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }

    static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    static double[] doubles(List<?> values) {
        return values.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
}
