package dev.optimlab.torch.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optimlab.torch.DType;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.TorchException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Module")
class ModuleTest {

    @BeforeEach
    void seed() {
        Torch.manualSeed(0);
    }

    static Stream<Arguments> structures() {
        return NnGolden.cases(NnGolden.load("structure"), c -> c.get("model").asText());
    }

    static Stream<Arguments> loadCases() {
        return NnGolden.cases(NnGolden.load("load_errors"), c -> c.get("name").asText());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> namedShapes(SequencedMap<String, Tensor> tensors) {
        List<String> out = new ArrayList<>();
        tensors.forEach((k, v) -> out.add(k + " " + java.util.Arrays.toString(v.shape())));
        return out;
    }

    private static List<String> namedShapes(JsonNode pairs) {
        List<String> out = new ArrayList<>();
        for (JsonNode pair : pairs) {
            out.add(pair.get(0).asText() + " " + java.util.Arrays.toString(NnGolden.shape(pair.get(1))));
        }
        return out;
    }

    @Nested
    @DisplayName("as PyTorch 1.13 recorded it")
    class Golden {

        @ParameterizedTest
        @MethodSource("dev.optimlab.torch.nn.ModuleTest#structures")
        @DisplayName("prints the same repr")
        void repr(JsonNode c) {
            assertThat(Models.build(c.get("model").asText())).hasToString(c.get("repr").asText());
        }

        @ParameterizedTest
        @MethodSource("dev.optimlab.torch.nn.ModuleTest#structures")
        @DisplayName("names parameters, buffers, children and modules in the same order")
        void names(JsonNode c) {
            Module m = Models.build(c.get("model").asText());
            assertThat(namedShapes(m.namedParameters())).containsExactlyElementsOf(namedShapes(c.get("named_parameters")));
            assertThat(m.namedParameters("", false).keySet())
                    .containsExactlyElementsOf(strings(c.get("named_parameters_no_recurse")));
            assertThat(m.namedBuffers().keySet()).containsExactlyElementsOf(strings(c.get("named_buffers")));
            assertThat(m.namedChildren().keySet()).containsExactlyElementsOf(strings(c.get("named_children")));
            assertThat(m.namedModules().keySet()).containsExactlyElementsOf(strings(c.get("named_modules")));
            assertThat(m.parameters()).hasSize(c.get("named_parameters").size());
        }

        @ParameterizedTest
        @MethodSource("dev.optimlab.torch.nn.ModuleTest#structures")
        @DisplayName("applies a function to every module in the same order")
        void applyOrder(JsonNode c) {
            List<String> seen = new ArrayList<>();
            Module m = Models.build(c.get("model").asText());
            assertThat(m.apply(module -> seen.add(module.getName()))).isSameAs(m);
            assertThat(seen).containsExactlyElementsOf(strings(c.get("apply_order")));
        }

        @ParameterizedTest
        @MethodSource("dev.optimlab.torch.nn.ModuleTest#structures")
        @DisplayName("lists the same state_dict keys and shapes")
        void stateDict(JsonNode c) {
            Module m = Models.build(c.get("model").asText());
            assertThat(namedShapes(m.stateDict())).containsExactlyElementsOf(namedShapes(c.get("state_dict")));
        }

        @ParameterizedTest
        @MethodSource("dev.optimlab.torch.nn.ModuleTest#loadCases")
        @DisplayName("loads state dicts with the same errors and incompatible keys")
        void loadStateDict(JsonNode c) {
            Module m = Models.build(c.get("model").asText());
            Map<String, Tensor> state = new LinkedHashMap<>();
            for (JsonNode entry : c.get("entries")) {
                state.put(entry.get(0).asText(), Torch.zeros(NnGolden.shape(entry.get(1))));
            }
            boolean strict = c.get("strict").asBoolean();
            if (c.has("error")) {
                assertThatThrownBy(() -> m.loadStateDict(state, strict))
                        .isInstanceOfSatisfying(TorchException.class,
                                e -> assertThat(e.pythonType()).isEqualTo(TorchException.PythonType.RuntimeError))
                        .hasMessage(c.get("error").asText());
            } else {
                Module.IncompatibleKeys keys = m.loadStateDict(state, strict);
                assertThat(keys.missingKeys()).containsExactlyElementsOf(strings(c.get("missing")));
                assertThat(keys.unexpectedKeys()).containsExactlyElementsOf(strings(c.get("unexpected")));
                assertThat(keys).hasToString(c.get("repr").asText());
                for (Map.Entry<String, Tensor> entry : m.stateDict().entrySet()) {
                    if (state.containsKey(entry.getKey())) {
                        assertThat(entry.getValue().abs().sum().itemDouble()).as(entry.getKey()).isZero();
                    }
                }
            }
        }
    }

    @Nested
    @DisplayName("registration")
    class Registration {

        @Test
        @DisplayName("routes Parameters and Modules assigned as attributes into their own registries")
        void setAttrRoutes() {
            Module m = new Module();
            Parameter p = new Parameter(Torch.ones(2));
            Linear child = new Linear(2, 1);
            m.setAttr("scale", p);
            m.setAttr("child", child);
            m.setAttr("note", "plain");
            assertThat(m.namedParameters().keySet()).containsExactly("scale", "child.weight", "child.bias");
            assertThat(m.children()).containsExactly(child);
            assertThat(m.getAttr("note")).isEqualTo("plain");
            assertThat(m.getAttr("scale")).isSameAs(p);
        }

        @Test
        @DisplayName("turns a plain attribute into a parameter when a Parameter replaces it")
        void reassignKind() {
            Module m = new Module();
            m.setAttr("w", 3);
            m.setAttr("w", new Parameter(Torch.zeros(1)));
            assertThat(m.namedParameters().keySet()).containsExactly("w");
            m.setAttr("w", null);
            assertThat(m.parameters()).isEmpty();
            assertThat(m.getAttr("w")).isNull();
        }

        @Test
        @DisplayName("refuses a second member under a name that exists")
        void duplicateName() {
            Module m = new Module();
            m.setAttr("x", 1);
            assertThatThrownBy(() -> m.registerParameter("x", null))
                    .isInstanceOf(KeyError.class).hasMessage("attribute 'x' already exists");
        }

        @Test
        @DisplayName("finds submodules and parameters by dotted path")
        void dottedPaths() {
            Module net = new Models.Net();
            Module head = (Module) net.getAttr("head");
            assertThat(net.getSubmodule("head.0")).isSameAs(((Sequential) head).get(0));
            assertThat(net.getSubmodule("")).isSameAs(net);
            assertThat(net.getParameter("head.0.bias").data()).isSameAs(net.namedParameters().get("head.0.bias"));
        }

        @Test
        @DisplayName("lists a parameter shared by two children once")
        void sharedParameter() {
            Linear a = new Linear(2, 2);
            Sequential tied = new Sequential(a, new ReLU(), a);
            assertThat(tied.parameters()).hasSize(2);
            assertThat(tied.namedModules().keySet()).containsExactly("", "0", "1");
            assertThat(tied.stateDict().keySet()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
        }
    }

    @Nested
    @DisplayName("modes and gradients")
    class Modes {

        @Test
        @DisplayName("switches train and eval through the whole tree")
        void trainEval() {
            Module net = Models.build("custom");
            net.eval();
            assertThat(net.modules()).allSatisfy(m -> assertThat(m.isTraining()).isFalse());
            net.train();
            assertThat(net.modules()).allSatisfy(m -> assertThat(m.isTraining()).isTrue());
        }

        @Test
        @DisplayName("exposes training as an attribute that affects only its own module")
        void trainingAttribute() {
            Sequential seq = new Sequential(new Dropout());
            seq.setAttr("training", false);
            assertThat(seq.getAttr("training")).isEqualTo(false);
            assertThat(seq.isTraining()).isFalse();
            assertThat(seq.get(0).isTraining()).isTrue();
        }

        @Test
        @DisplayName("zero_grad sets gradients to None by default and zeroes them when asked")
        void zeroGrad() {
            Linear lin = new Linear(3, 2);
            lin.call(Torch.ones(1, 3)).sum().backward();
            assertThat(lin.weight().grad()).isNotNull();
            lin.zeroGrad(false);
            assertThat(lin.weight().grad().abs().sum().itemDouble()).isZero();
            lin.zeroGrad();
            assertThat(lin.weight().grad()).isNull();
            assertThat(lin.bias().grad()).isNull();
        }

        @Test
        @DisplayName("requires_grad_ freezes every parameter")
        void freeze() {
            Module net = Models.build("mlp").requiresGrad_(false);
            assertThat(net.parameters()).allSatisfy(p -> assertThat(p.requiresGrad()).isFalse());
        }

        @Test
        @DisplayName("double() casts parameters and buffers but keeps the Parameter objects")
        void toDouble() {
            Models.Net net = new Models.Net();
            Parameter weight = (Parameter) ((Module) net.getAttr("fc1")).getAttr("weight");
            double[] before = weight.data().toDoubleArray();
            assertThat(net.toDouble()).isSameAs(net);
            assertThat(((Module) net.getAttr("fc1")).getAttr("weight")).isSameAs(weight);
            assertThat(weight.data().dtype()).isEqualTo(DType.FLOAT64);
            assertThat(weight.requiresGrad()).isTrue();
            assertThat(weight.data().toDoubleArray()).containsExactly(before);
            assertThat(net.stateDict().values()).allSatisfy(t -> assertThat(t.dtype()).isEqualTo(DType.FLOAT64));
            assertThat(net.call(Torch.randn(2, 4).toDouble()).dtype()).isEqualTo(DType.FLOAT64);
            assertThat(net.toFloat().parameters()).allSatisfy(t -> assertThat(t.dtype()).isEqualTo(DType.FLOAT32));
        }

        @Test
        @DisplayName("state_dict holds detached tensors that share the parameters' storage")
        void stateDictDetached() {
            Linear lin = new Linear(3, 2);
            Tensor weight = lin.stateDict().get("weight");
            assertThat(weight.requiresGrad()).isFalse();
            assertThat(weight.sharesStorageWith(lin.weight().data())).isTrue();
            assertThat(lin.stateDict(true).get("weight")).isSameAs(lin.weight().data());
        }

        @Test
        @DisplayName("load_state_dict copies values into the existing parameters")
        void loadCopies() {
            Linear source = new Linear(3, 2);
            Linear target = new Linear(3, 2);
            Tensor before = target.weight().data();
            target.loadStateDict(source.stateDict());
            assertThat(target.weight().data()).isSameAs(before);
            assertThat(target.weight().data().toDoubleArray()).containsExactly(source.weight().data().toDoubleArray());
        }
    }

    @Test
    @DisplayName("prints a parameter as PyTorch does")
    void parameterRepr() {
        Parameter p = new Parameter(Torch.tensor(List.of(1.0, 2.5)));
        assertThat(p).hasToString("Parameter containing:\ntensor([1.0000, 2.5000], requires_grad=True)");
    }

    @Test
    @DisplayName("prints identical neighbours in a ModuleList once, as PyTorch 2.x does")
    void moduleListGroups() {
        ModuleList list = new ModuleList(new ReLU(), new ReLU(), new Tanh());
        assertThat(list).hasToString("ModuleList(\n  (0-1): 2 x ReLU()\n  (2): Tanh()\n)");
    }
}
