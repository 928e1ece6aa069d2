package dev.optimlab.pylite.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The torch modules are built once and shared by every run, so what one program changes (seed, grad mode,
 * warnings already shown, tensorboard series, trace) must stay with that program, as it does with one CPython
 * process per program.
 */
@DisplayName("Runs sharing the torch modules")
class RunIsolationTest {
    /** Changes every piece of per-run state it can reach, then (when asked) holds it while another run goes. */
    private static final String CHANGER = """
            import torch
            import random
            import time
            from torch.utils.tensorboard import SummaryWriter
            torch.manual_seed(123)
            random.seed(5)
            torch.set_grad_enabled(False)
            torch.cuda.amp.GradScaler()
            SummaryWriter().add_scalar("changer_only", 1.0, 0)
            w = torch.ones(1, requires_grad=True)
            torch.optim.SGD([w], lr=0.1).step()
            print("set", torch.is_grad_enabled(), torch.initial_seed())
            time.sleep(PAUSE)
            print("still", torch.is_grad_enabled(), torch.initial_seed())
            """;

    /** Reads the same state as a fresh program sees it. */
    private static final String OBSERVER = """
            import torch
            print(torch.is_grad_enabled(), torch.initial_seed())
            print(torch.rand(2))
            x = torch.ones(1, requires_grad=True)
            print((x * 2).requires_grad)
            torch.cuda.amp.GradScaler()
            """;

    /** What one run reported. */
    private record Seen(RunResult result, List<String> warnings, List<String> series, List<TraceEntry> trace) {
    }

    private static Seen run(String source) {
        return awaited(start(source, RunListener.NONE));
    }

    private static Seen awaited(Started started) {
        RunResult result = started.run.await();
        return new Seen(result, started.warnings, started.series, started.run.trace());
    }

    private record Started(TorchBridge.Run run, List<String> warnings, List<String> series) {
    }

    private static Started start(String source, RunListener stdout) {
        List<String> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> series = java.util.Collections.synchronizedList(new ArrayList<>());
        RunListener listener = new RunListener() {
            @Override
            public void stdout(String chunk) {
                stdout.stdout(chunk);
            }

            @Override
            public void warning(String category, String message, String text) {
                warnings.add(message);
            }
        };
        TorchEvents events = new TorchEvents() {
            @Override
            public void metric(String name, long step, double value) {
                series.add(name);
            }
        };
        return new Started(TorchBridge.start(source, "main.py", Limits.defaults(), listener, Storage.NONE, events),
                warnings, series);
    }

    private static String changer(double pauseSeconds) {
        return CHANGER.replace("PAUSE", Double.toString(pauseSeconds));
    }

    @Nested
    @DisplayName("one after the other")
    class Sequential {
        @Test
        @DisplayName("a program sees the same seed, grad mode, warnings, series and trace after a program that changed them")
        void laterRunSeesFreshState() {
            Seen alone = run(OBSERVER);
            Seen changer = run(changer(0));
            Seen after = run(OBSERVER);

            assertThat(changer.result().stdout()).isEqualTo("set False 123\nstill False 123\n");
            assertThat(changer.warnings()).isNotEmpty();
            assertThat(changer.series()).contains("changer_only");
            assertThat(alone.result().status()).isEqualTo(RunResult.Status.OK);
            assertThat(after.result().stdout()).isEqualTo(alone.result().stdout()).startsWith("True ").contains("\nTrue\n");
            assertThat(after.warnings()).isEqualTo(alone.warnings()).isNotEmpty();
            assertThat(after.series()).isEmpty();
            assertThat(after.trace()).extracting(TraceEntry::call).doesNotContain("optimizer.step");
        }

        @Test
        @DisplayName("a program's failed attempt to rebind torch's attributes leaves them intact for the next program")
        void rebindingIsRefusedAndLeavesNoTrace() {
            Seen attempt = run("""
                    import torch
                    import torch.nn as nn
                    for target, attr in [(torch, "tensor"), (torch, "nn"), (nn, "Linear"), (nn.Linear, "forward"),
                                         (torch.optim.SGD, "step"), (torch.float32, "itemsize")]:
                        try:
                            setattr(target, attr, None)
                            print("rebound", attr)
                        except (AttributeError, TypeError) as e:
                            print(type(e).__name__)
                    """);
            Seen next = run("""
                    import torch
                    print(torch.tensor([1.0]), torch.nn.Linear(1, 1).weight.shape, torch.optim.SGD.__name__)
                    """);

            assertThat(attempt.result().stdout()).doesNotContain("rebound");
            assertThat(attempt.result().stdout().lines()).hasSize(6);
            assertThat(next.result().stderr()).isEmpty();
            assertThat(next.result().stdout()).isEqualTo("tensor([1.]) torch.Size([1, 1]) SGD\n");
        }
    }

    @Nested
    @DisplayName("at the same time")
    class Parallel {
        @Test
        @DisplayName("a program running while another holds a changed seed and grad mode sees them fresh")
        void concurrentRunSeesFreshState() throws InterruptedException {
            Seen alone = run(OBSERVER);
            CountDownLatch changed = new CountDownLatch(1);
            Started changer = start(changer(0.5), new RunListener() {
                @Override
                public void stdout(String chunk) {
                    if (chunk.startsWith("set")) {
                        changed.countDown();
                    }
                }
            });
            assertThat(changed.await(10, TimeUnit.SECONDS)).isTrue();

            Seen during = run(OBSERVER);
            Seen changerSeen = awaited(changer);

            assertThat(during.result().stdout()).isEqualTo(alone.result().stdout());
            assertThat(during.warnings()).isEqualTo(alone.warnings());
            assertThat(during.series()).isEmpty();
            assertThat(changerSeen.result().stdout()).isEqualTo("set False 123\nstill False 123\n");
            assertThat(changerSeen.series()).contains("changer_only");
        }
    }
}
