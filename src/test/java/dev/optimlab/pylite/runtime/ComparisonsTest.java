package dev.optimlab.pylite.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Expected answers are CPython 3.11's for the same operands. */
@DisplayName("Comparisons")
class ComparisonsTest {

    @Test
    @DisplayName("compare an int with a float exactly, not through a rounded double")
    void exactIntFloatComparison() {
        assertThat(Comparisons.numericCompare((1L << 53) + 1, 9007199254740992.0)).isPositive();
        assertThat(Comparisons.numericCompare(Long.MAX_VALUE, 9223372036854775808.0)).isNegative();
        assertThat(Comparisons.numericCompare(BigInteger.TEN.pow(30), 1e30)).isNegative();
        assertThat(Comparisons.numericCompare(-1L, -0.5)).isNegative();
        assertThat(Comparisons.numericCompare(0L, -0.0)).isZero();
    }

    @Test
    @DisplayName("treat small ints and one-character strings as identical, as CPython's caches make them")
    void identityOfCachedValues() {
        assertThat(Comparisons.identical(Long.valueOf(256), Long.valueOf(256))).isTrue();
        assertThat(Comparisons.identical(Long.valueOf(-5), Long.valueOf(-5))).isTrue();
        assertThat(Comparisons.identical(Long.valueOf(257), Long.valueOf(257))).isFalse();
        assertThat(Comparisons.identical(new String("a"), new String("a"))).isTrue();
        assertThat(Comparisons.identical(new String("ab"), new String("ab"))).isFalse();
    }

    @Test
    @DisplayName("tell equal ints below -5 apart although the JVM shares their boxes")
    void identityBelowTheSmallIntCache() {
        assertThat(Comparisons.identical(Long.valueOf(-6), Long.valueOf(-6))).isFalse();
        assertThat(Comparisons.identical(Long.valueOf(-128), Long.valueOf(-128))).isFalse();
        Long big = 1_000_000L;
        assertThat(Comparisons.identical(big, big)).as("one object bound to two names").isTrue();
        assertThat(Comparisons.identical(Long.valueOf(1_000_000), Long.valueOf(1_000_000))).isFalse();
    }
}
