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

    @Nested
    @DisplayName("fixed notation without the exact decimal expansion")
    class FixedFastPath {

        static Stream<Arguments> cpythonFixed() {
            // printed by CPython 3.11: format(value, f".{precision}f")
            return Stream.of(Arguments.of(0.125, 2, "0.12"), Arguments.of(0.375, 2, "0.38"), Arguments.of(2.675, 2, "2.67"),
                    Arguments.of(1.0005, 3, "1.000"), Arguments.of(0.5, 0, "0"), Arguments.of(1.5, 0, "2"),
                    Arguments.of(2.5, 0, "2"), Arguments.of(0.0001, 3, "0.000"), Arguments.of(0.00049999, 3, "0.000"),
                    Arguments.of(123456.789, 5, "123456.78900"), Arguments.of(1e-7, 6, "0.000000"),
                    Arguments.of(999999.9999996, 6, "1000000.000000"), Arguments.of(0.1, 20, "0.10000000000000000555"),
                    Arguments.of(1e9, 2, "1000000000.00"), Arguments.of(5e-324, 3, "0.000"), Arguments.of(0.045, 2, "0.04"));
        }

        @ParameterizedTest(name = "format({0}, \".{1}f\") == \"{2}\"")
        @MethodSource("cpythonFixed")
        @DisplayName("ties, near-ties, carries and long precisions print as in CPython")
        void matchesCPythonNearTies(double value, int precision, String expected) {
            assertThat(PythonFloatFormat.fixed(value, precision)).isEqualTo(expected);
            assertThat(PythonFloatFormat.fixed(-value, precision)).isEqualTo("-" + expected);
        }

        @Test
        @DisplayName("random values of every magnitude round as the exact binary value rounded half to even")
        void agreesWithExactRounding() {
            java.util.Random random = new java.util.Random(5);
            for (int i = 0; i < 20_000; i++) {
                double value = random.nextDouble() * Math.pow(10, random.nextInt(16) - 8);
                int precision = random.nextInt(12);
                String exact = new java.math.BigDecimal(value).setScale(precision, java.math.RoundingMode.HALF_EVEN)
                        .toPlainString();
                assertThat(PythonFloatFormat.fixedDigits(value, precision)).as("%s to %d places", value, precision)
                        .isEqualTo(exact);
            }
        }
    }
}
