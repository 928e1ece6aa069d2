package dev.optimlab.torch.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.TorchException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The Optimizer base behaves as torch.optim.Optimizer")
class OptimizerBehaviourTest {

    private static final Map<String, Object> GOLDEN = OptimizerGoldenTest.read("/golden/optim/behaviour.json");

    private static Tensor param() {
        return Torch.zeros(2).requiresGrad_();
    }

    private static Map<String, Object> group(Object... keysAndValues) {
        Map<String, Object> group = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            group.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return group;
    }

    /** The Java call that mirrors each erroneous Python call of tools/golden/gen_optim.py. */
    private static final Map<String, Runnable> ERROR_ACTIONS = Map.ofEntries(
            Map.entry("SGD negative lr", () -> new SGD(List.of(param()), Map.of("lr", -0.1))),
            Map.entry("SGD negative momentum", () -> new SGD(List.of(param()), Map.of("lr", 0.1, "momentum", -0.5))),
            Map.entry("SGD negative weight_decay", () -> new SGD(List.of(param()), Map.of("lr", 0.1, "weight_decay", -1))),
            Map.entry("SGD nesterov without momentum", () -> new SGD(List.of(param()), Map.of("lr", 0.1, "nesterov", true))),
            Map.entry("SGD nesterov with dampening", () -> new SGD(List.of(param()),
                    Map.of("lr", 0.1, "momentum", 0.9, "dampening", 0.1, "nesterov", true))),
            Map.entry("Adam negative lr", () -> new Adam(List.of(param()), Map.of("lr", -0.001))),
            Map.entry("Adam negative eps", () -> new Adam(List.of(param()), Map.of("eps", -1e-8))),
            Map.entry("Adam beta1 of one", () -> new Adam(List.of(param()), Map.of("betas", List.of(1.0, 0.999)))),
            Map.entry("Adam negative beta2", () -> new Adam(List.of(param()), Map.of("betas", List.of(0.9, -0.1)))),
            Map.entry("Adam negative weight_decay", () -> new Adam(List.of(param()), Map.of("weight_decay", -0.1))),
            Map.entry("AdamW negative lr", () -> new AdamW(List.of(param()), Map.of("lr", -1.0))),
            Map.entry("AdamW beta1 of one", () -> new AdamW(List.of(param()), Map.of("betas", List.of(1.0, 0.999)))),
            Map.entry("Adagrad negative lr_decay", () -> new Adagrad(List.of(param()), Map.of("lr_decay", -0.1))),
            Map.entry("Adagrad negative initial accumulator",
                    () -> new Adagrad(List.of(param()), Map.of("initial_accumulator_value", -1.0))),
            Map.entry("Adagrad negative eps", () -> new Adagrad(List.of(param()), Map.of("eps", -1.0))),
            Map.entry("RMSprop negative alpha", () -> new RMSprop(List.of(param()), Map.of("alpha", -0.5))),
            Map.entry("RMSprop negative momentum", () -> new RMSprop(List.of(param()), Map.of("momentum", -0.5))),
            Map.entry("RMSprop negative eps", () -> new RMSprop(List.of(param()), Map.of("eps", -1.0))),
            Map.entry("Adadelta rho above one", () -> new Adadelta(List.of(param()), Map.of("rho", 1.5))),
            Map.entry("Adamax beta2 of one", () -> new Adamax(List.of(param()), Map.of("betas", List.of(0.9, 1.0)))),
            Map.entry("NAdam negative momentum_decay", () -> new NAdam(List.of(param()), Map.of("momentum_decay", -0.1))),
            Map.entry("RAdam negative eps", () -> new RAdam(List.of(param()), Map.of("eps", -1.0))),
            Map.entry("Rprop etas out of order", () -> new Rprop(List.of(param()), Map.of("etas", List.of(1.5, 0.5)))),
            Map.entry("ASGD negative weight_decay", () -> new ASGD(List.of(param()), Map.of("weight_decay", -1.0))),
            Map.entry("LBFGS with two param groups", () -> new LBFGS(List.of(group("params", List.of(param())),
                    group("params", List.of(param()))), Map.of())),
            Map.entry("empty parameter list", () -> new SGD(List.of(), 0.1)),
            Map.entry("a tensor instead of a list", () -> new SGD(param(), 0.1)),
            Map.entry("a non-leaf tensor", () -> new SGD(List.of(param().mul(2L)), 0.1)),
            Map.entry("a parameter in two groups", () -> {
                Tensor shared = param();
                new SGD(List.of(group("params", List.of(shared)), group("params", List.of(shared))), 0.1);
            }),
            Map.entry("add_param_group with a parameter already present", () -> {
                Tensor q = param();
                new SGD(List.of(q), 0.1).addParamGroup(group("params", List.of(q)));
            }),
            Map.entry("load_state_dict with another number of groups", () -> {
                SGD two = new SGD(List.of(group("params", List.of(param())), group("params", List.of(param()))), 0.1);
                new SGD(List.of(param()), 0.1).loadStateDict(two.stateDict());
            }),
            Map.entry("load_state_dict with groups of another size", () -> {
                SGD two = new SGD(List.of(param(), param()), 0.1);
                new SGD(List.of(param()), 0.1).loadStateDict(two.stateDict());
            }));

    @SuppressWarnings("unchecked")
    static Stream<Arguments> errors() {
        return ((List<Map<String, Object>>) GOLDEN.get("errors")).stream()
                .map(e -> Arguments.of(e.get("name"), e.get("type"), e.get("message")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    @DisplayName("invalid arguments raise PyTorch's exception type and message")
    void raisesPyTorchsError(String name, String type, String message) {
        assertThat(ERROR_ACTIONS).containsKey(name);
        assertThatThrownBy(() -> ERROR_ACTIONS.get(name).run())
                .isInstanceOfSatisfying(TorchException.class, e -> {
                    assertThat(e.pythonType().name()).isEqualTo(type);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    @DisplayName("an unknown keyword argument is refused as Python refuses it")
    void refusesUnknownKeywords() {
        assertThatThrownBy(() -> new Adam(List.of(param()), Map.of("learning_rate", 0.1)))
                .hasMessage("Adam.__init__() got an unexpected keyword argument 'learning_rate'");
    }

    @Nested
    @DisplayName("zero_grad")
    class ZeroGrad {

        @SuppressWarnings("unchecked")
        private final Map<String, Object> expected = (Map<String, Object>) GOLDEN.get("zero_grad");

        private Tensor withGradient(SGD[] holder) {
            Tensor q = Torch.tensor(List.of(1.0, -2.0)).requiresGrad_();
            holder[0] = new SGD(List.of(q), 0.1);
            q.mul(q).sum().backward();
            return q;
        }

        @Test
        @DisplayName("sets gradients to None by default, as PyTorch 2.x does")
        void setsToNoneByDefault() {
            SGD[] optimizer = new SGD[1];
            Tensor q = withGradient(optimizer);
            optimizer[0].zeroGrad();
            assertThat(q.grad()).isNull();
            assertThat(expected.get("set_to_none_true_is_none")).isEqualTo(true);
        }

        @Test
        @DisplayName("fills gradients with zeros when set_to_none is False")
        void zeroesWhenAsked() {
            SGD[] optimizer = new SGD[1];
            Tensor q = withGradient(optimizer);
            optimizer[0].zeroGrad(false);
            assertThat(q.grad().toDoubleArray())
                    .containsExactly(OptimizerGoldenTest.doubles((List<?>) expected.get("set_to_none_false")));
        }
    }

    @Nested
    @DisplayName("state_dict")
    class StateDict {

        private final Tensor a = Torch.tensor(List.of(1.0, 2.0)).requiresGrad_();
        private final Tensor b = Torch.tensor(List.of(3.0)).requiresGrad_();
        private final Tensor c = Torch.tensor(List.of(List.of(0.5, -0.5))).requiresGrad_();

        private Adam trainedTwoSteps() {
            Adam adam = new Adam(List.of(group("params", List.of(a, b)), group("params", List.of(c), "lr", 0.1)),
                    Map.of("lr", 0.01));
            for (int i = 0; i < 2; i++) {
                adam.zeroGrad();
                a.mul(a).sum().add(b.pow(3L).sum()).add(c.mul(2L).sum()).backward();
                adam.step();
            }
            return adam;
        }

        @Test
        @DisplayName("replaces parameters by their indices and holds PyTorch 2.x's keys and values")
        @SuppressWarnings("unchecked")
        void matchesPyTorchsLayout() {
            Map<String, Object> expected = (Map<String, Object>) GOLDEN.get("state_dict");
            Map<String, Object> actual = trainedTwoSteps().stateDict();
            List<Map<String, Object>> groups = (List<Map<String, Object>>) actual.get("param_groups");
            assertThat(groups.stream().map(g -> g.get("params")).toList()).isEqualTo(expected.get("group_params"));
            assertThat(groups.stream().map(g -> new ArrayList<>(new TreeSet<>(g.keySet()))).toList())
                    .isEqualTo(expected.get("group_keys_2x"));
            Map<Integer, Map<String, Object>> state = (Map<Integer, Map<String, Object>>) actual.get("state");
            Map<String, Map<String, Object>> expectedState = (Map<String, Map<String, Object>>) expected.get("state");
            assertThat(state.keySet().stream().map(String::valueOf).toList())
                    .containsExactlyElementsOf(expectedState.keySet());
            state.forEach((index, values) -> OptimizerGoldenTest.assertState("param " + index, values,
                    expectedState.get(String.valueOf(index)), OptimizerGoldenTest.RTOL));
        }

        @Test
        @DisplayName("load_state_dict copies the state so the two optimizers continue identically and independently")
        void roundTrips() {
            Adam original = trainedTwoSteps();
            Tensor a2 = a.detach().clone().requiresGrad_();
            Tensor b2 = b.detach().clone().requiresGrad_();
            Tensor c2 = c.detach().clone().requiresGrad_();
            Adam restored = new Adam(List.of(group("params", List.of(a2, b2)), group("params", List.of(c2))),
                    Map.of("lr", 0.5));
            restored.loadStateDict(original.stateDict());
            assertThat(restored.paramGroups().get(1).lr()).isEqualTo(0.1);
            assertThat(restored.state(a2).get("exp_avg")).isNotSameAs(original.state(a).get("exp_avg"));
            for (int i = 0; i < 3; i++) {
                original.zeroGrad();
                a.mul(a).sum().add(b.pow(3L).sum()).add(c.mul(2L).sum()).backward();
                original.step();
                restored.zeroGrad();
                a2.mul(a2).sum().add(b2.pow(3L).sum()).add(c2.mul(2L).sum()).backward();
                restored.step();
            }
            assertThat(a2.toDoubleArray()).containsExactly(a.toDoubleArray());
            assertThat(c2.toDoubleArray()).containsExactly(c.toDoubleArray());
        }
    }

    @Test
    @DisplayName("prints as PyTorch 2.x prints an optimizer, with 2.x's param-group keys")
    @SuppressWarnings("unchecked")
    void printsLikePyTorch() {
        Map<String, Object> printing = OptimizerGoldenTest.read("/golden/printing/optimizers.json");
        Map<String, Object> derived = ((List<Map<String, Object>>) printing.get("cases")).stream()
                .filter(c -> c.get("name").equals("SGD with the keys of PyTorch 2.x")).findFirst().orElseThrow();
        assertThat(new SGD(List.of(param()), 0.1).toString()).isEqualTo(derived.get("expected"));
    }

    static Stream<Arguments> implementationFlags() {
        return Stream.of(Arguments.of(Map.of("foreach", true, "capturable", true, "differentiable", true)),
                Arguments.of(Map.of("fused", true)), Arguments.of(Map.of("foreach", false, "fused", false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementationFlags")
    @DisplayName("implementation flags are accepted and change no number")
    void implementationFlagsChangeNothing(Map<String, Object> flags) {
        Tensor plain = Torch.tensor(List.of(0.5, -1.5)).requiresGrad_();
        Tensor flagged = Torch.tensor(List.of(0.5, -1.5)).requiresGrad_();
        Map<String, Object> options = new LinkedHashMap<>(flags);
        options.put("lr", 0.1);
        Adam reference = new Adam(List.of(plain), Map.of("lr", 0.1));
        Adam withFlags = new Adam(List.of(flagged), options);
        for (int i = 0; i < 5; i++) {
            for (Tensor p : List.of(plain, flagged)) {
                p.setGrad(null);
                p.mul(p).sum().backward();
            }
            reference.step();
            withFlags.step();
        }
        assertThat(flagged.toDoubleArray()).containsExactly(plain.toDoubleArray());
    }

    @Test
    @DisplayName("fused cannot be combined with foreach or differentiable, as in PyTorch")
    void fusedExcludesOtherImplementations() {
        assertThatThrownBy(() -> new Adam(List.of(param()), Map.of("fused", true, "foreach", true)))
                .hasMessage("`fused` and `foreach` cannot be `True` together.");
        assertThatThrownBy(() -> new AdamW(List.of(param()), Map.of("fused", true, "differentiable", true)))
                .hasMessage("`fused` does not support `differentiable`");
    }

    @Test
    @DisplayName("AdamW is Adam with decoupled weight decay")
    void adamWIsDecoupledAdam() {
        Tensor a = Torch.tensor(List.of(0.5, -1.5)).requiresGrad_();
        Tensor b = Torch.tensor(List.of(0.5, -1.5)).requiresGrad_();
        AdamW adamW = new AdamW(List.of(a), Map.of("lr", 0.1, "weight_decay", 0.2));
        Adam adam = new Adam(List.of(b), Map.of("lr", 0.1, "weight_decay", 0.2, "decoupled_weight_decay", true));
        for (int i = 0; i < 3; i++) {
            for (Tensor p : List.of(a, b)) {
                p.setGrad(null);
                p.mul(p).sum().backward();
            }
            adamW.step();
            adam.step();
        }
        assertThat(a.toDoubleArray()).containsExactly(b.toDoubleArray());
        assertThat(adamW.paramGroups().getFirst().get("decoupled_weight_decay")).isEqualTo(true);
    }

    @Test
    @DisplayName("LBFGS resumed from its state_dict continues exactly as the original")
    void lbfgsResumesExactly() {
        Tensor x = Torch.tensor(List.of(-1.5, 2.0)).requiresGrad_();
        LBFGS original = new LBFGS(List.of(x), Map.of("lr", 0.5, "max_iter", 4, "history_size", 3));
        rosenbrockSteps(original, x, 2);
        Tensor y = x.detach().clone().requiresGrad_();
        LBFGS restored = new LBFGS(List.of(y), Map.of("lr", 0.5, "max_iter", 4, "history_size", 3));
        restored.loadStateDict(original.stateDict());
        rosenbrockSteps(original, x, 3);
        rosenbrockSteps(restored, y, 3);
        assertThat(y.toDoubleArray()).containsExactly(x.toDoubleArray());
        assertThat(restored.state(y).get("func_evals")).isEqualTo(original.state(x).get("func_evals"));
    }

    private static void rosenbrockSteps(Optimizer optimizer, Tensor xy, int steps) {
        for (int i = 0; i < steps; i++) {
            optimizer.step(() -> {
                optimizer.zeroGrad();
                Tensor x = xy.select(0, 0);
                Tensor loss = x.rsub(1L).pow(2L).add(xy.select(0, 1).sub(x.pow(2L)).pow(2L).mul(100L));
                loss.backward();
                return loss;
            });
        }
    }

    @Test
    @DisplayName("step(closure) returns the closure's loss")
    void stepReturnsTheLoss() {
        Tensor x = Torch.tensor(List.of(2.0)).requiresGrad_();
        SGD sgd = new SGD(List.of(x), 0.1);
        Tensor loss = sgd.step(() -> {
            sgd.zeroGrad();
            Tensor value = x.mul(x).sum();
            value.backward();
            return value;
        });
        assertThat(loss.itemDouble()).isEqualTo(4.0);
        assertThat(x.toDoubleArray()).containsExactly((double) (2.0f - 0.1f * 4.0f));
    }
}
