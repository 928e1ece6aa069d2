package dev.optimlab.torch.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optimlab.torch.Generator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Values from the notes on PyTorch 1.13 and from torch.nn.init's formulas as CPython evaluates them. */
@DisplayName("Init")
class InitTest {

    @Nested
    @DisplayName("fans")
    class Fans {

        @Test
        @DisplayName("take size(1) and size(0) times the receptive field")
        void convolutionShape() {
            assertThat(Init.fans(8, 4, 3, 3)).isEqualTo(new Init.Fans(36, 72));
            assertThat(Init.fans(2, 3)).isEqualTo(new Init.Fans(3, 2));
        }

        @Test
        @DisplayName("refuse vectors with PyTorch's message")
        void refuseVectors() {
            assertThatThrownBy(() -> Init.fans(5))
                    .hasMessage("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
        }

        @Test
        @DisplayName("accept the mode in any case and refuse others with PyTorch's message")
        void modes() {
            assertThat(Init.correctFan(new long[] {6, 5}, "FAN_OUT")).isEqualTo(6);
            assertThatThrownBy(() -> Init.correctFan(new long[] {6, 5}, "fan_avg"))
                    .hasMessage("Mode fan_avg not supported, please use one of ['fan_in', 'fan_out']");
        }
    }

    @Nested
    @DisplayName("calculate_gain")
    class Gain {

        @Test
        @DisplayName("gives PyTorch's gains")
        void gains() {
            assertThat(Init.calculateGain("linear")).isEqualTo(1.0);
            assertThat(Init.calculateGain("conv2d")).isEqualTo(1.0);
            assertThat(Init.calculateGain("sigmoid")).isEqualTo(1.0);
            assertThat(Init.calculateGain("tanh")).isEqualTo(1.6666666666666667);
            assertThat(Init.calculateGain("relu")).isEqualTo(1.4142135623730951);
            assertThat(Init.calculateGain("leaky_relu")).isEqualTo(1.4141428569978354);
            assertThat(Init.calculateGain("leaky_relu", 0.2)).isEqualTo(1.3867504905630728);
            assertThat(Init.calculateGain("selu")).isEqualTo(0.75);
        }

        @Test
        @DisplayName("use a squared sqrt(5) of 5.000000000000001 for nn.Linear, as CPython does")
        void linearSlope() {
            assertThat(Init.LINEAR_NEGATIVE_SLOPE * Init.LINEAR_NEGATIVE_SLOPE).isEqualTo(5.000000000000001);
            assertThat(Init.calculateGain("leaky_relu", Init.LINEAR_NEGATIVE_SLOPE)).isEqualTo(0.5773502691896257);
        }

        @Test
        @DisplayName("refuse unknown nonlinearities with PyTorch's message")
        void unknown() {
            assertThatThrownBy(() -> Init.calculateGain("gelu")).hasMessage("Unsupported nonlinearity gelu");
        }
    }

    @Nested
    @DisplayName("drawing")
    class Drawing {

        @Test
        @DisplayName("reproduces nn.Linear(3, 2) for seed 42: weight first, then bias")
        void linear() {
            float[] weight = new float[6];
            float[] bias = new float[2];
            Init.linear(new Generator().manualSeed(42), 3, 2, weight, bias);
            assertThat(weight).containsExactly(0.4414065182209015f, 0.47920528054237366f, -0.1352572739124298f,
                    0.5303604602813721f, -0.1264995038509369f, 0.11650390923023224f);
            assertThat(bias).containsExactly(-0.28108587861061096f, 0.3390677869319916f);
        }

        @Test
        @DisplayName("reproduces xavier_uniform_(empty(2, 3)) and kaiming_normal_(empty(4, 8)) for seed 0")
        void xavierAndKaiming() {
            float[] xavier = new float[6];
            double bound = Init.xavierUniformBound(new long[] {2, 3}, 1.0);
            new Generator().manualSeed(0).uniform(xavier, 0, 6, -bound, bound);
            assertThat(xavier).containsExactly(-0.008201400749385357f, 0.5876445174217224f, -0.9016007781028748f,
                    -0.8061808347702026f, -0.4219154715538025f, 0.29375168681144714f);

            float[] kaiming = new float[32];
            double std = Init.kaimingNormalStd(new long[] {4, 8}, 0, "fan_in", "leaky_relu");
            new Generator().manualSeed(0).normal(kaiming, 0, 32, 0, std);
            assertThat(new float[] {kaiming[0], kaiming[1], kaiming[2]})
                    .containsExactly(-0.5629199147224426f, -0.576180100440979f, -0.12528929114341736f);
        }
    }
}
