package dev.optimlab.pylite.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("GradScaler in programs")
class GradScalerTest {

    private static final JsonNode GOLDEN = read();

    private static JsonNode read() {
        try (InputStream in = GradScalerTest.class.getResourceAsStream("/golden/amp/grad_scaler.json")) {
            return JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RunResult run(String program, EventsTest.Recorder events) {
        return TorchBridge.run(program, "main.py", Limits.defaults(), RunListener.NONE, Storage.NONE, events);
    }

    static Stream<JsonNode> goldenRuns() {
        return StreamSupport.stream(GOLDEN.get("runs").spliterator(), false);
    }

    /** Reads one printed Python float, as repr() writes it. */
    private static double number(String text) {
        return switch (text) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    /** A Python literal for a double, inf and nan included. */
    private static String literal(double value) {
        return Double.isNaN(value) ? "float('nan')" : Double.isInfinite(value) ? (value > 0 ? "" : "-") + "float('inf')"
                : Double.toString(value);
    }

    private static List<Double> numbers(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asDouble()));
        return out;
    }

    private static List<Double> printed(String line) {
        List<Double> out = new ArrayList<>();
        for (String part : line.replace("[", "").replace("]", "").split(", ")) {
            out.add(number(part.strip()));
        }
        return out;
    }

    @ParameterizedTest(name = "init_scale={0}")
    @MethodSource("goldenRuns")
    @DisplayName("a program replays the golden scaler runs: scale, skipped steps, unscaled gradients and the scale's growth")
    void replaysGolden(JsonNode golden) {
        List<String> raws = new ArrayList<>();
        golden.get("steps").forEach(step -> raws.add(numbers(step.get("raw")).stream().map(GradScalerTest::literal)
                .toList().toString()));
        String program = """
                import torch
                p = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
                optimizer = torch.optim.SGD([p], lr=0.1)
                scaler = torch.amp.GradScaler("cpu", init_scale=%s, growth_factor=%s, backoff_factor=%s,
                                              growth_interval=%s)
                scaler.scale(torch.zeros(1))
                for raw in %s:
                    print(scaler.get_scale())
                    grad = torch.tensor(raw) * scaler.get_scale()
                    if %s:
                        grad = grad.half().float()
                    p.grad = grad
                    scaler.step(optimizer)
                    print(p.grad.tolist())
                    print(p.tolist())
                    scaler.update()
                    print(scaler.get_scale(), scaler._get_growth_tracker())
                """.formatted(golden.get("init_scale"), golden.get("growth_factor"), golden.get("backoff_factor"),
                golden.get("growth_interval"), raws,
                golden.get("half_backward").asBoolean() ? "True" : "False");
        RunResult result = run(program, new EventsTest.Recorder());
        assertThat(result.status()).as(result.stderr()).isEqualTo(RunResult.Status.OK);
        String[] lines = result.stdout().split("\n");
        int at = 0;
        for (JsonNode step : golden.get("steps")) {
            assertThat(number(lines[at++])).isEqualTo(step.get("scale_before").asDouble());
            assertThat(printed(lines[at++])).isEqualTo(numbers(step.get("unscaled_grad")));
            assertThat(printed(lines[at++])).isEqualTo(numbers(step.get("param")));
            String[] after = lines[at++].split(" ");
            assertThat(number(after[0])).isEqualTo(step.get("scale_after").asDouble());
            assertThat(Integer.parseInt(after[1])).isEqualTo(step.get("growth_tracker").asInt());
        }
    }

    @Nested
    @DisplayName("the trace and the metrics")
    class Tracing {

        private static final String LOOP = """
                import torch
                p = torch.tensor([1.0, -2.0], requires_grad=True)
                optimizer = torch.optim.SGD([p], lr=0.1)
                scaler = torch.amp.GradScaler("cpu", init_scale=2.0 ** 126)
                for step in range(2):
                    optimizer.zero_grad()
                    scaler.scale((p * p).sum()).backward()
                    scaler.unscale_(optimizer)
                    scaler.step(optimizer)
                    scaler.update()
                print(scaler.get_scale(), p.tolist())
                """;

        @Test
        @DisplayName("records scale, unscale_, step and update, and optimizer.step only for the step that was not skipped")
        void records() {
            EventsTest.Recorder events = new EventsTest.Recorder();
            RunResult result = run(LOOP, events);
            assertThat(result.status()).as(result.stderr()).isEqualTo(RunResult.Status.OK);
            // the gradient 4 * 2**126 overflows float32: the first step is skipped; with the halved scale it fits
            assertThat(events.calls).extracting(TraceEntry::call).containsExactly(
                    "optimizer.zero_grad", "scaler.scale", "tensor.backward", "scaler.unscale_", "scaler.step",
                    "scaler.update",
                    "optimizer.zero_grad", "scaler.scale", "tensor.backward", "scaler.unscale_", "scaler.step",
                    "optimizer.step", "scaler.update");
            assertThat(events.calls).filteredOn(c -> c.call().startsWith("scaler.")).extracting(TraceEntry::objectType)
                    .containsOnly("GradScaler");
            assertThat(events.series("lr/group0")).extracting(EventsTest.Metric::value).containsExactly(0.1);
            assertThat(result.stdout()).isEqualTo("4.253529586511731e+37 [0.800000011920929, -1.600000023841858]\n");
        }
    }

    @Nested
    @DisplayName("on a machine without a GPU")
    class NoGpu {

        @Test
        @DisplayName("GradScaler() for the default device 'cuda' disables itself with PyTorch's warning and steps plainly")
        void cudaDisabled() {
            EventsTest.Recorder events = new EventsTest.Recorder();
            RunResult result = run("""
                    import torch
                    p = torch.tensor([1.0], requires_grad=True)
                    optimizer = torch.optim.SGD([p], lr=0.5)
                    scaler = torch.amp.GradScaler()
                    scaled = scaler.scale((p * p).sum())
                    scaled.backward()
                    scaler.step(optimizer)
                    scaler.update()
                    print(scaler.is_enabled(), scaler.get_scale(), scaled.item(), p.item(), scaler.state_dict())
                    """, events);
            assertThat(result.stdout()).as(result.stderr()).isEqualTo("False 1.0 1.0 0.0 {}\n");
            assertThat(events.warnings).containsExactly(new EventsTest.Warning("UserWarning",
                    "torch.cuda.amp.GradScaler is enabled, but CUDA is not available.  Disabling."));
            assertThat(events.calls).extracting(TraceEntry::call).contains("scaler.step", "optimizer.step");
        }

        @Test
        @DisplayName("a disabled scaler hands a closure on to optimizer.step, as PyTorch's does")
        void disabledPassesClosure() {
            EventsTest.Recorder events = new EventsTest.Recorder();
            RunResult result = run("""
                    import torch
                    p = torch.tensor([1.0], requires_grad=True)
                    optimizer = torch.optim.SGD([p], lr=0.5)
                    scaler = torch.amp.GradScaler(enabled=False)
                    def closure():
                        optimizer.zero_grad()
                        loss = (p * p).sum()
                        loss.backward()
                        return loss
                    print(scaler.step(optimizer, closure), p.item())
                    """, events);
            assertThat(result.stdout()).as(result.stderr()).isEqualTo("tensor(1., grad_fn=<SumBackward0>) 0.0\n");
            assertThat(events.warnings).isEmpty();
            assertThat(events.calls).extracting(TraceEntry::call).containsExactly("scaler.step", "optimizer.step",
                    "optimizer.zero_grad", "tensor.backward");
        }

        @Test
        @DisplayName("torch.cuda.amp.GradScaler is deprecated first, then disabled the same way")
        void cudaAmpDeprecated() {
            EventsTest.Recorder events = new EventsTest.Recorder();
            RunResult result = run("""
                    from torch.cuda.amp import GradScaler
                    import torch.amp
                    scaler = GradScaler(init_scale=1024.0)
                    print(scaler.is_enabled(), isinstance(scaler, torch.amp.GradScaler))
                    """, events);
            assertThat(result.stdout()).as(result.stderr()).isEqualTo("False True\n");
            assertThat(events.warnings).extracting(EventsTest.Warning::category)
                    .containsExactly("FutureWarning", "UserWarning");
            assertThat(events.warnings.get(0).message()).startsWith("`torch.cuda.amp.GradScaler(args...)` is deprecated.");
        }
    }

    @Nested
    @DisplayName("misuse fails as in PyTorch")
    class Misuse {

        @Test
        @DisplayName("step() before any scale() fails the assertion PyTorch makes")
        void stepBeforeScale() {
            RunResult result = run("""
                    import torch
                    p = torch.tensor([1.0], requires_grad=True)
                    scaler = torch.amp.GradScaler("cpu")
                    scaler.step(torch.optim.SGD([p], lr=0.1))
                    """, new EventsTest.Recorder());
            assertThat(result.stderr()).endsWith("AssertionError: Attempted step but _scale is None.  This may indicate "
                    + "your script did not use scaler.scale(loss or outputs) earlier in the iteration.\n");
        }

        @Test
        @DisplayName("unscale_ twice before update() raises PyTorch's RuntimeError")
        void unscaleTwice() {
            RunResult result = run("""
                    import torch
                    p = torch.tensor([1.0], requires_grad=True)
                    optimizer = torch.optim.SGD([p], lr=0.1)
                    scaler = torch.amp.GradScaler("cpu")
                    scaler.scale((p * p).sum()).backward()
                    scaler.unscale_(optimizer)
                    scaler.unscale_(optimizer)
                    """, new EventsTest.Recorder());
            assertThat(result.stderr()).endsWith("RuntimeError: unscale_() has already been called on this optimizer "
                    + "since the last update().\n");
        }

        @Test
        @DisplayName("a closure is refused while the scaler is enabled")
        void closure() {
            RunResult result = run("""
                    import torch
                    p = torch.tensor([1.0], requires_grad=True)
                    optimizer = torch.optim.SGD([p], lr=0.1)
                    scaler = torch.amp.GradScaler("cpu")
                    scaler.scale((p * p).sum()).backward()
                    scaler.step(optimizer, closure=lambda: (p * p).sum())
                    """, new EventsTest.Recorder());
            assertThat(result.stderr()).endsWith("RuntimeError: Closure use is not currently supported if GradScaler "
                    + "is enabled.\n");
        }
    }
}
