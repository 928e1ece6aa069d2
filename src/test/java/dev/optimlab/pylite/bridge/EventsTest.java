package dev.optimlab.pylite.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Events of a PyTorch run")
class EventsTest {
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path workspace;

    record Metric(String series, long step, double value) {
    }

    record Warning(String category, String message) {
    }

    static final class Recorder implements TorchEvents {
        final List<Metric> metrics = new ArrayList<>();
        final List<Warning> warnings = new ArrayList<>();
        final List<TraceEntry> calls = new ArrayList<>();

        @Override
        public void metric(String series, long step, double value) {
            metrics.add(new Metric(series, step, value));
        }

        @Override
        public void warning(String category, String message) {
            warnings.add(new Warning(category, message));
        }

        @Override
        public void call(TraceEntry entry) {
            calls.add(entry);
        }

        List<Metric> series(String name) {
            return metrics.stream().filter(m -> m.series().equals(name)).toList();
        }
    }

    private static final String TRAINING = """
            import torch
            from torch.utils.tensorboard import SummaryWriter
            torch.manual_seed(0)
            w = torch.nn.Parameter(torch.tensor([2.0]))
            opt = torch.optim.SGD([w], lr=0.25)
            sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
            writer = SummaryWriter()
            for step in range(3):
                opt.zero_grad()
                loss = (w ** 2).sum()
                loss.backward()
                opt.step()
                sched.step()
                writer.add_scalar("train/w", w.item(), step)
                print(loss.item())
            writer.close()
            writer.add_scalars("pair", {"a": 1.0, "b": 2}, 7)
            """;

    private static Recorder run(String source) {
        Recorder recorder = new Recorder();
        RunResult result = TorchBridge.run(source, "main.py", Limits.defaults(), RunListener.NONE, Storage.NONE, recorder);
        assertThat(result.status()).as(result.stderr()).isEqualTo(RunResult.Status.OK);
        return recorder;
    }

    @Nested
    @DisplayName("metrics")
    class Metrics {
        @Test
        @DisplayName("each scalar backward() reports the loss the program printed, numbered from 0")
        void lossAtBackward() {
            Recorder recorder = new Recorder();
            RunResult result = TorchBridge.run(TRAINING, "main.py", Limits.defaults(), RunListener.NONE, Storage.NONE,
                    recorder);
            List<Double> printed = result.stdout().lines().map(Double::parseDouble).toList();
            assertThat(recorder.series("loss")).extracting(Metric::step).containsExactly(0L, 1L, 2L);
            assertThat(recorder.series("loss")).extracting(Metric::value).containsExactlyElementsOf(printed);
        }

        @Test
        @DisplayName("each optimizer.step() reports every group's learning rate as the step used it")
        void lrAtStep() {
            assertThat(run(TRAINING).series("lr/group0")).containsExactly(new Metric("lr/group0", 0, 0.25),
                    new Metric("lr/group0", 1, 0.125), new Metric("lr/group0", 2, 0.0625));
        }

        @Test
        @DisplayName("SummaryWriter scalars arrive under their tags, also after close() as PyTorch reopens the writer")
        void summaryWriter() {
            Recorder recorder = run(TRAINING);
            assertThat(recorder.series("train/w")).extracting(Metric::step).containsExactly(0L, 1L, 2L);
            assertThat(recorder.series("pair/a")).containsExactly(new Metric("pair/a", 7, 1.0));
            assertThat(recorder.series("pair/b")).containsExactly(new Metric("pair/b", 7, 2.0));
        }
    }

    @Nested
    @DisplayName("the call trace")
    class Trace {
        @Test
        @DisplayName("records zero_grad, backward, step and scheduler step in program order with stable object ids")
        void order() {
            List<TraceEntry> calls = run(TRAINING).calls;
            assertThat(calls).extracting(TraceEntry::call).containsExactly(
                    "optimizer.zero_grad", "tensor.backward", "optimizer.step", "scheduler.step",
                    "optimizer.zero_grad", "tensor.backward", "optimizer.step", "scheduler.step",
                    "optimizer.zero_grad", "tensor.backward", "optimizer.step", "scheduler.step");
            assertThat(calls).extracting(TraceEntry::order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
            assertThat(calls.stream().filter(c -> c.call().startsWith("optimizer.")).map(TraceEntry::objectId).distinct())
                    .hasSize(1);
            assertThat(calls.get(2).objectType()).isEqualTo("SGD");
            assertThat(calls.get(3).objectType()).isEqualTo("StepLR");
        }

        @Test
        @DisplayName("gives each call the program line that made it")
        void lines() {
            List<String> source = TRAINING.lines().toList();
            List<TraceEntry> calls = run(TRAINING).calls;
            assertThat(calls).allSatisfy(entry -> assertThat(source.get(entry.line() - 1))
                    .contains("." + entry.call().substring(entry.call().indexOf('.') + 1) + "("));
            assertThat(calls).extracting(TraceEntry::line).startsWith(9, 11, 12, 13, 9);
        }

        @Test
        @DisplayName("gives calls made inside a closure the closure's line, and a call spread over lines its first")
        void linesInClosureAndMultiLineCall() {
            String program = """
                    import torch
                    w = torch.nn.Parameter(torch.tensor([2.0]))
                    opt = torch.optim.LBFGS([w], max_iter=1)
                    def closure():
                        opt.zero_grad()
                        loss = (w ** 2).sum()
                        loss.backward()
                        return loss
                    opt.step(closure)
                    torch.save({
                        "w": w,
                    }, "w.pt")
                    """;
            Recorder recorder = new Recorder();
            RunResult result = TorchBridge.run(program, "main.py", Limits.defaults(), RunListener.NONE,
                    Storage.folder(workspace), recorder);
            assertThat(result.stderr()).isEmpty();
            assertThat(recorder.calls).extracting(TraceEntry::call, TraceEntry::line).startsWith(
                    org.assertj.core.groups.Tuple.tuple("optimizer.step", 9),
                    org.assertj.core.groups.Tuple.tuple("optimizer.zero_grad", 5),
                    org.assertj.core.groups.Tuple.tuple("tensor.backward", 7));
            assertThat(recorder.calls.getLast()).extracting(TraceEntry::call, TraceEntry::line)
                    .containsExactly("torch.save", 10);
        }

        @Test
        @DisplayName("is available from the run handle once the run has ended")
        void fromRunHandle() {
            TorchBridge.Run handle = TorchBridge.start(TRAINING, "main.py", Limits.defaults(), RunListener.NONE,
                    Storage.NONE, TorchEvents.NONE);
            handle.await();
            assertThat(handle.trace()).hasSize(12);
        }
    }

    @Test
    @DisplayName("scheduler.step() before optimizer.step() reports PyTorch's UserWarning")
    void schedulerOrderWarning() {
        Recorder recorder = run("""
                import torch
                w = torch.nn.Parameter(torch.ones(1))
                opt = torch.optim.SGD([w], lr=0.1)
                sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1)
                sched.step()
                """);
        assertThat(recorder.warnings).hasSize(1);
        assertThat(recorder.warnings.get(0).category()).isEqualTo("UserWarning");
        assertThat(recorder.warnings.get(0).message()).startsWith("Detected call of `lr_scheduler.step()` before "
                + "`optimizer.step()`.");
    }

    @Test
    @DisplayName("warnings.warn in the program and torch.nn's own warnings report once per place, as Python's default filter")
    void programAndLibraryWarnings() {
        Recorder recorder = run("""
                import torch
                import warnings
                loss_fn = torch.nn.MSELoss()
                for i in range(3):
                    warnings.warn("lr looks large")
                    loss_fn(torch.ones(3), torch.ones(3, 1))
                """);
        assertThat(recorder.warnings).containsExactly(
                new Warning("UserWarning", "lr looks large"),
                new Warning("UserWarning", "Using a target size (torch.Size([3, 1])) that is different to the input "
                        + "size (torch.Size([3])). This will likely lead to incorrect results due to broadcasting. "
                        + "Please ensure they have the same size."));
    }

    @Nested
    @DisplayName("warnings filters")
    class WarningFilters {
        private static final String MISMATCHED_LOSS = """
                import torch
                import warnings
                loss_fn = torch.nn.MSELoss()
                %s
                for i in range(3):
                    loss_fn(torch.ones(3), torch.ones(3, 1))
                print("trained")
                """;

        private static String withFilter(String filterLine) {
            return MISMATCHED_LOSS.formatted(filterLine);
        }

        @Test
        @DisplayName("simplefilter('ignore') silences PyTorch's own UserWarning")
        void ignoreSilencesTorchWarnings() {
            assertThat(run(withFilter("warnings.simplefilter('ignore')")).warnings).isEmpty();
        }

        @Test
        @DisplayName("simplefilter('always') reports PyTorch's warning at every call")
        void alwaysRepeatsTorchWarnings() {
            assertThat(run(withFilter("warnings.simplefilter('always')")).warnings).hasSize(3)
                    .allSatisfy(w -> assertThat(w.message()).startsWith("Using a target size"));
        }

        @Test
        @DisplayName("filterwarnings('error', message=...) raises PyTorch's warning as a UserWarning exception")
        void errorRaisesTorchWarnings() {
            Recorder recorder = new Recorder();
            RunResult result = TorchBridge.run(withFilter("warnings.filterwarnings('error', message='Using a target')"),
                    "main.py", Limits.defaults(), RunListener.NONE, Storage.NONE, recorder);
            assertThat(result.status()).isEqualTo(RunResult.Status.PYTHON_ERROR);
            assertThat(result.errorType()).isEqualTo("UserWarning");
            assertThat(result.stderr()).contains("line 6, in <module>").endsWith("UserWarning: Using a target size "
                    + "(torch.Size([3, 1])) that is different to the input size (torch.Size([3])). This will likely lead "
                    + "to incorrect results due to broadcasting. Please ensure they have the same size.\n");
            assertThat(recorder.warnings).isEmpty();
        }

        @Test
        @DisplayName("catch_warnings(record=True) collects PyTorch's warning instead of reporting it, and restores the filters")
        void catchWarningsRecordsTorchWarnings() {
            StringBuilder out = new StringBuilder();
            Recorder recorder = new Recorder();
            RunResult result = TorchBridge.run("""
                    import torch
                    import warnings
                    loss_fn = torch.nn.MSELoss()
                    with warnings.catch_warnings(record=True) as caught:
                        warnings.simplefilter('always')
                        loss_fn(torch.ones(3), torch.ones(3, 1))
                        loss_fn(torch.ones(3), torch.ones(3, 1))
                    print(len(caught), caught[0].category.__name__, str(caught[0].message)[:19])
                    loss_fn(torch.ones(3), torch.ones(3, 1))
                    loss_fn(torch.ones(3), torch.ones(3, 1))
                    """, "main.py", Limits.defaults(), new RunListener() {
                        @Override
                        public void stdout(String chunk) {
                            out.append(chunk);
                        }
                    }, Storage.NONE, recorder);
            assertThat(result.status()).as(result.stderr()).isEqualTo(RunResult.Status.OK);
            assertThat(out).hasToString("2 UserWarning Using a target size\n");
            assertThat(recorder.warnings).hasSize(1);
        }

        @Test
        @DisplayName("a filter set by one run does not reach the next run")
        void filtersEndWithTheirRun() {
            assertThat(run(withFilter("warnings.simplefilter('ignore')")).warnings).isEmpty();
            assertThat(run(withFilter("")).warnings).hasSize(1);
        }
    }
}
