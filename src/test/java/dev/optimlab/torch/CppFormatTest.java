package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;

/** Expected strings are C's printf("%g") output, which std::ostream's default formatting follows. */
@DisplayName("CppFormat")
class CppFormatTest {

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({
        "1.5, 1.5", "-1.0, -1", "0.25, 0.25", "1e-07, 1e-07", "1e-08, 1e-08", "123456.0, 123456",
        "1234567.0, 1.23457e+06", "0.0001, 0.0001", "0.00001234, 1.234e-05", "3.7, 3.7",
        "0.1, 0.1", "2.5e300, 2.5e+300", "0.30000000000000004, 0.3", "999999.5, 1e+06",
    })
    @DisplayName("formats doubles as C++ streams do in PyTorch's messages")
    void formats(double value, String expected) {
        assertThat(CppFormat.number(value)).isEqualTo(expected);
    }
}
