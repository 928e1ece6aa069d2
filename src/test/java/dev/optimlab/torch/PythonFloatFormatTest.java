package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("PythonFloatFormat formats floats as CPython does")
class PythonFloatFormatTest {

    static Stream<Arguments> cpythonCases() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : TensorFormatterTest.load("float_format").get("cases")) {
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(c.get("bits").asText(), 16));
            cases.add(Arguments.of(c.get("spec").asText(), value, c.get("expected").asText()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "format({1}, \"{0}\") == \"{2}\"")
    @MethodSource("cpythonCases")
    @DisplayName("every value and format spec printed by CPython 3 gives the same string")
    void matchesCPython(String spec, double value, String expected) {
        String actual = switch (spec.charAt(spec.length() - 1)) {
            case 'f' -> PythonFloatFormat.fixed(value, Integer.parseInt(spec.substring(1, spec.length() - 1)));
            case 'e' -> PythonFloatFormat.scientific(value, Integer.parseInt(spec.substring(1, spec.length() - 1)));
            default -> PythonFloatFormat.repr(value);
        };
        assertThat(actual).isEqualTo(expected);
    }

    @Nested
    @DisplayName("where Java's own formatting would differ")
    class JavaDifferences {

        @Test
        @DisplayName("an exact tie rounds to even, where String.format rounds up")
        void tiesRoundToEven() {
            assertThat(String.format("%.2f", 0.125)).isEqualTo("0.13");
            assertThat(PythonFloatFormat.fixed(0.125, 2)).isEqualTo("0.12");
        }

        @Test
        @DisplayName("a value just below a tie rounds down, where String.format rounds its shortest digits up")
        void exactBinaryValueDecides() {
            assertThat(String.format("%.3f", 1.0005)).isEqualTo("1.001");
            assertThat(PythonFloatFormat.fixed(1.0005, 3)).isEqualTo("1.000");
        }
    }
}
