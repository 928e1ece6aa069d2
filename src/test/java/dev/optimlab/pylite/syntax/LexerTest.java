package dev.optimlab.pylite.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optimlab.pylite.syntax.Token.Kind;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The lexer")
class LexerTest {
    private static List<Kind> kinds(String src) {
        return new Lexer(src).tokenize().stream().map(Token::kind).toList();
    }

    private static Object value(String literal) {
        return new Lexer(literal).tokenize().get(0).value();
    }

    @Nested
    @DisplayName("Layout")
    class Layout {
        @Test
        @DisplayName("emits INDENT and DEDENT around an indented block and skips blank and comment lines")
        void indentation() {
            assertThat(kinds("if x:\n    y\n\n    # note\nz\n")).containsExactly(Kind.NAME, Kind.NAME, Kind.OP,
                    Kind.NEWLINE, Kind.INDENT, Kind.NAME, Kind.NEWLINE, Kind.DEDENT, Kind.NAME, Kind.NEWLINE,
                    Kind.ENDMARKER);
        }

        @Test
        @DisplayName("joins lines inside brackets and after a backslash")
        void lineJoining() {
            assertThat(kinds("x = (1,\n     2)\ny = 1 + \\\n    2\n")).filteredOn(k -> k == Kind.NEWLINE).hasSize(2);
        }

        @Test
        @DisplayName("reports an unindent that matches no outer level as IndentationError")
        void badDedent() {
            assertThatThrownBy(() -> kinds("if x:\n        a\n    b\n")).isInstanceOf(PySyntaxError.class)
                    .hasMessage("unindent does not match any outer indentation level")
                    .extracting(e -> ((PySyntaxError) e).typeName()).isEqualTo("IndentationError");
        }

        @Test
        @DisplayName("names the bracket that was never closed, with its position")
        void neverClosed() {
            assertThatThrownBy(() -> kinds("f(1,\n  [2, 3\n")).isInstanceOf(PySyntaxError.class)
                    .hasMessage("'[' was never closed")
                    .satisfies(e -> assertThat(((PySyntaxError) e).line()).isEqualTo(2));
        }
    }

    @Nested
    @DisplayName("Numbers")
    class Numbers {
        @Test
        @DisplayName("reads ints with underscores and prefixes, growing to BigInteger only when needed")
        void ints() {
            assertThat(value("1_000_000")).isEqualTo(1_000_000L);
            assertThat(value("0xff")).isEqualTo(255L);
            assertThat(value("0o17")).isEqualTo(15L);
            assertThat(value("0b1010")).isEqualTo(10L);
            assertThat(value("123456789012345678901234567890"))
                    .isEqualTo(new BigInteger("123456789012345678901234567890"));
        }

        @Test
        @DisplayName("reads floats with fractions and exponents")
        void floats() {
            assertThat(value("1.5")).isEqualTo(1.5);
            assertThat(value(".5")).isEqualTo(0.5);
            assertThat(value("1.")).isEqualTo(1.0);
            assertThat(value("1e-3")).isEqualTo(0.001);
            assertThat(value("2_0.0_1E+1_0")).isEqualTo(20.01e10);
        }

        @Test
        @DisplayName("refuses imaginary literals and leading zeros with clear messages")
        void refusals() {
            assertThatThrownBy(() -> kinds("z = 3j\n")).hasMessage("complex numbers are not supported in OptimLab");
            assertThatThrownBy(() -> kinds("n = 007\n")).hasMessageStartingWith("leading zeros in decimal integer");
        }
    }

    @Nested
    @DisplayName("Strings")
    class Strings {
        @Test
        @DisplayName("decodes escapes in normal strings and keeps them in raw strings")
        void escapes() {
            assertThat(value("'a\\tb\\n\\x41\\u00e9\\101\\q'")).isEqualTo("a\tb\nA\u00e9A\\q");
            assertThat(value("r'a\\tb'")).isEqualTo("a\\tb");
        }

        @Test
        @DisplayName("reads triple-quoted strings across lines")
        void tripleQuoted() {
            assertThat(value("'''one\ntwo'''")).isEqualTo("one\ntwo");
        }

        @Test
        @DisplayName("keeps an f-string's body for the parser")
        void fstring() {
            Token t = new Lexer("f'{x!r:>{w}}'").tokenize().get(0);
            assertThat(t.kind()).isEqualTo(Kind.FSTRING);
            assertThat(t.value()).isEqualTo("{x!r:>{w}}");
        }

        @Test
        @DisplayName("reports unterminated strings as CPython 3.11 does")
        void unterminated() {
            assertThatThrownBy(() -> kinds("s = 'abc\n")).hasMessage("unterminated string literal (detected at line 1)");
            assertThatThrownBy(() -> kinds("s = \"\"\"abc\n\n")).hasMessage(
                    "unterminated triple-quoted string literal (detected at line 2)");
        }

        @Test
        @DisplayName("refuses bytes literals")
        void bytes() {
            assertThatThrownBy(() -> kinds("b'x'\n")).hasMessage("bytes literals are not supported in OptimLab");
        }
    }
}
