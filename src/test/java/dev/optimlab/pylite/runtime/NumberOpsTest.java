package dev.optimlab.pylite.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected values are CPython 3.11's (divmod, hash, ** and str on the same operands). */
@DisplayName("Int and float arithmetic")
class NumberOpsTest {

    @Nested
    @DisplayName("Float floor division and modulo")
    class FloorDivMod {
        static Stream<Arguments> cpythonDivmod() {
            return Stream.of(
                    Arguments.of(7.5, -2.0, -4.0, -0.5),
                    Arguments.of(-7.5, 2.0, -4.0, 0.5),
                    Arguments.of(-0.0, 1.0, -0.0, 0.0),
                    Arguments.of(0.0, -3.0, -0.0, -0.0),
                    Arguments.of(1e-300, 1e300, 0.0, 1e-300),
                    Arguments.of(-1e-300, 1e300, -1.0, 1e300),
                    Arguments.of(5.0, Double.POSITIVE_INFINITY, 0.0, 5.0),
                    Arguments.of(-5.0, Double.POSITIVE_INFINITY, -1.0, Double.POSITIVE_INFINITY));
        }

        @ParameterizedTest(name = "divmod({0}, {1}) == ({2}, {3})")
        @MethodSource("cpythonDivmod")
        @DisplayName("gives CPython's quotient and remainder, signs of zero included")
        void matchesCpython(double x, double y, double quotient, double remainder) {
            double[] qr = NumberOps.floorDivMod(x, y);
            assertThat(qr[0]).isEqualTo(quotient);
            assertThat(Double.doubleToRawLongBits(qr[0])).isEqualTo(Double.doubleToRawLongBits(quotient));
            assertThat(Double.doubleToRawLongBits(qr[1])).isEqualTo(Double.doubleToRawLongBits(remainder));
        }

        @Test
        @DisplayName("refuses a zero divisor with CPython's three messages")
        void zeroDivisor() {
            assertThatThrownBy(() -> NumberOps.floatOp("/", 1.0, 0.0)).isInstanceOf(PyException.class)
                    .hasMessage("ZeroDivisionError: float division by zero");
            assertThatThrownBy(() -> NumberOps.floatOp("//", 1.0, 0.0)).isInstanceOf(PyException.class)
                    .hasMessage("ZeroDivisionError: float floor division by zero");
            assertThatThrownBy(() -> NumberOps.floatOp("%", 1.0, 0.0)).isInstanceOf(PyException.class)
                    .hasMessage("ZeroDivisionError: float modulo");
        }
    }

    @Nested
    @DisplayName("Float power")
    class FloatPower {
        @Test
        @DisplayName("gives CPython's correctly rounded results")
        void values() {
            assertThat(NumberOps.floatPow(2.0, 0.5)).isEqualTo(1.4142135623730951);
            assertThat(NumberOps.floatPow(10.0, -2)).isEqualTo(0.01);
            assertThat(NumberOps.floatPow(-8.0, 3.0)).isEqualTo(-512.0);
            assertThat(NumberOps.floatPow(1.1, 2)).isEqualTo(1.2100000000000002);
        }

        @Test
        @DisplayName("raises CPython's errors for overflow and zero to a negative power")
        void errors() {
            assertThatThrownBy(() -> NumberOps.floatPow(10.0, 400)).isInstanceOf(PyException.class)
                    .hasMessage("OverflowError: (34, 'Numerical result out of range')");
            assertThatThrownBy(() -> NumberOps.floatPow(0.0, -1)).isInstanceOf(PyException.class)
                    .hasMessage("ZeroDivisionError: 0.0 cannot be raised to a negative power");
        }
    }

    @Nested
    @DisplayName("Hashing")
    class Hashing {
        static Stream<Arguments> cpythonFloatHashes() {
            return Stream.of(
                    Arguments.of(1.5, 1152921504606846977L),
                    Arguments.of(-2.5, -1152921504606846978L),
                    Arguments.of(0.1, 230584300921369408L),
                    Arguments.of(1e300, 1224995262755759164L),
                    Arguments.of(Double.MIN_VALUE, 16777216L),
                    Arguments.of(-0.0, 0L),
                    Arguments.of(2.0, 2L),
                    Arguments.of(Double.POSITIVE_INFINITY, 314159L),
                    Arguments.of(Double.NEGATIVE_INFINITY, -314159L));
        }

        @ParameterizedTest(name = "hash({0}) == {1}")
        @MethodSource("cpythonFloatHashes")
        @DisplayName("hashes a float as CPython's _Py_HashDouble does")
        void floats(double v, long expected) {
            assertThat(NumberOps.hashDouble(v)).isEqualTo(expected);
        }

        static Stream<Arguments> cpythonIntHashes() {
            return Stream.of(
                    Arguments.of(-1L, -2L),
                    Arguments.of((1L << 61) - 1, 0L),
                    Arguments.of(1L << 61, 1L),
                    Arguments.of(Long.MIN_VALUE, -4L),
                    Arguments.of(Long.MAX_VALUE, 3L),
                    Arguments.of(-(1L << 61) + 1, 0L),
                    Arguments.of(123456789L, 123456789L));
        }

        @ParameterizedTest(name = "hash({0}) == {1}")
        @MethodSource("cpythonIntHashes")
        @DisplayName("hashes an int modulo 2**61 - 1, with -1 reserved")
        void ints(long v, long expected) {
            assertThat(NumberOps.hashLong(v)).isEqualTo(expected);
        }
    }

    @Nested
    @DisplayName("int to text")
    class IntToText {
        @Test
        @DisplayName("prints up to 4300 digits and refuses more with CPython's message")
        void digitLimit() {
            assertThat(NumberOps.intToString(BigInteger.TEN.pow(4299))).hasSize(4300);
            assertThatThrownBy(() -> NumberOps.intToString(BigInteger.TEN.pow(4300))).isInstanceOf(PyException.class)
                    .hasMessage("ValueError: Exceeds the limit (4300 digits) for integer string conversion; "
                            + "use sys.set_int_max_str_digits() to increase the limit");
        }
    }
}
