package dev.optimlab.pylite.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.PyliteRunner;
import dev.optimlab.pylite.RunListener;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Checks float repr, format specs, round(x, n) and %-formatting case by case against CPython 3.11's
 * answers in golden/pylite/formats.json (written by tools/golden/gen_pylite_formats.py).
 */
@DisplayName("Number formatting matches CPython 3.11")
class FormatterGoldenTest {
    private static final JsonNode GOLDEN = load();

    private static JsonNode load() {
        try (InputStream in = FormatterGoldenTest.class.getResourceAsStream("/golden/pylite/formats.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double fromBits(JsonNode n) {
        return Double.longBitsToDouble(n.asLong());
    }

    @Test
    @DisplayName("repr(float) gives CPython's shortest digits for 640 values, random bit patterns included")
    void reprs() {
        List<String> mismatches = new ArrayList<>();
        for (JsonNode c : GOLDEN.get("reprs")) {
            String actual = Formatter.floatRepr(fromBits(c.get(0)));
            if (!actual.equals(c.get(1).asText())) {
                mismatches.add(c.get(1).asText() + " != " + actual);
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(GOLDEN.get("reprs").size()).isGreaterThan(600);
    }

    @Test
    @DisplayName("format(float, spec) agrees for 200 values times 42 specs")
    void floatFormats() {
        List<String> mismatches = new ArrayList<>();
        for (JsonNode c : GOLDEN.get("floatFormats")) {
            double x = fromBits(c.get(0));
            String spec = c.get(1).asText();
            String actual = Formatter.formatFloat(x, spec);
            if (!actual.equals(c.get(2).asText())) {
                mismatches.add("format(" + Formatter.floatRepr(x) + ", '" + spec + "') = " + c.get(2).asText()
                        + " but was " + actual);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    @DisplayName("format(int, spec) agrees, including grouping, zero padding and float presentations")
    void intFormats() {
        List<String> mismatches = new ArrayList<>();
        for (JsonNode c : GOLDEN.get("intFormats")) {
            String spec = c.get(1).asText();
            String actual = Formatter.formatInt(new BigInteger(c.get(0).asText()), spec);
            if (!actual.equals(c.get(2).asText())) {
                mismatches.add("format(" + c.get(0).asText() + ", '" + spec + "') = " + c.get(2).asText()
                        + " but was " + actual);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Nested
    @DisplayName("Through the interpreter")
    class ThroughTheInterpreter {
        @Test
        @DisplayName("round(x, n) returns CPython's correctly rounded double")
        void rounds() {
            StringBuilder program = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            for (JsonNode c : GOLDEN.get("rounds")) {
                program.append("print(round(").append(Formatter.floatRepr(fromBits(c.get(0)))).append(", ")
                        .append(c.get(1).asInt()).append("))\n");
                expected.append(Formatter.floatRepr(fromBits(c.get(2)))).append('\n');
            }
            assertThat(PyliteRunner.run(program.toString(), "main.py", Limits.defaults(), RunListener.NONE).stdout())
                    .isEqualTo(expected.toString());
        }

        @Test
        @DisplayName("%-formatting agrees for the conversions learners use")
        void percents() {
            StringBuilder program = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            for (JsonNode c : GOLDEN.get("percents")) {
                program.append("print(").append(Ops.strRepr(c.get(0).asText())).append(" % ")
                        .append(c.get(1).asText()).append(")\n");
                expected.append(c.get(2).asText()).append('\n');
            }
            assertThat(PyliteRunner.run(program.toString(), "main.py", Limits.defaults(), RunListener.NONE).stdout())
                    .isEqualTo(expected.toString());
        }
    }
}
