package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("ReprUtil prints modules and optimizers as PyTorch does")
class ReprUtilTest {

    static Stream<Arguments> moduleCases() {
        return cases("modules");
    }

    static Stream<Arguments> optimizerCases() {
        return cases("optimizers");
    }

    private static Stream<Arguments> cases(String file) {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : TensorFormatterTest.load(file).get("cases")) {
            cases.add(Arguments.of(c.get("name").asText() + (c.get("derived").asBoolean() ? " (derived)" : ""), c));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moduleCases")
    @DisplayName("a module tree prints exactly as PyTorch prints it")
    void moduleTree(String name, JsonNode c) {
        assertThat(repr(c.get("tree"))).isEqualTo(c.get("expected").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizerCases")
    @DisplayName("an optimizer prints its param groups exactly as PyTorch prints them")
    void optimizer(String name, JsonNode c) {
        List<Map<String, String>> groups = new ArrayList<>();
        for (JsonNode group : c.get("groups")) {
            Map<String, String> options = new LinkedHashMap<>();
            group.forEach(pair -> options.put(pair.get(0).asText(), pair.get(1).asText()));
            groups.add(options);
        }
        assertThat(ReprUtil.optimizerRepr(c.get("class").asText(), groups)).isEqualTo(c.get("expected").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizerCases")
    @DisplayName("the float options PyTorch printed are what PythonFloatFormat.repr prints")
    void floatOptionsMatchPythonRepr(String name, JsonNode c) {
        List<String> floats = new ArrayList<>();
        c.get("groups").forEach(group -> group.forEach(pair -> {
            String value = pair.get(1).asText();
            if (value.matches("-?[0-9.]+(e[-+][0-9]+)?") && (value.contains(".") || value.contains("e"))) {
                floats.add(value);
            }
        }));
        assertThat(floats).isNotEmpty().allSatisfy(
                value -> assertThat(PythonFloatFormat.repr(Double.parseDouble(value))).isEqualTo(value));
    }

    @Nested
    @DisplayName("_addindent")
    class AddIndent {

        @Test
        @DisplayName("leaves a single line alone")
        void singleLine() {
            assertThat(ReprUtil.addIndent("ReLU()", 2)).isEqualTo("ReLU()");
        }

        @Test
        @DisplayName("indents every line after the first, including empty ones")
        void laterLines() {
            assertThat(ReprUtil.addIndent("A(\n\n)", 2)).isEqualTo("A(\n  \n  )");
        }
    }

    @Test
    @DisplayName("the params key never prints, even when a group carries it")
    void paramsAreSkipped() {
        Map<String, String> group = new LinkedHashMap<>();
        group.put("params", "[...]");
        group.put("lr", "0.1");
        assertThat(ReprUtil.optimizerRepr("SGD", List.of(group))).isEqualTo("SGD (\nParameter Group 0\n    lr: 0.1\n)");
    }

    private static String repr(JsonNode tree) {
        if (tree.isNull()) {
            return null;
        }
        String name = tree.get("name").asText();
        if (tree.get("kind").asText().equals("module_list")) {
            List<String> children = new ArrayList<>();
            tree.get("children").forEach(child -> children.add(repr(child.get(1))));
            return ReprUtil.moduleListRepr(name, children);
        }
        SequencedMap<String, String> children = new LinkedHashMap<>();
        tree.get("children").forEach(child -> children.put(child.get(0).asText(), repr(child.get(1))));
        return ReprUtil.moduleRepr(name, tree.get("extra_repr").asText(), children);
    }
}
