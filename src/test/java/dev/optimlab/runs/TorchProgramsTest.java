package dev.optimlab.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunResult;
import dev.optimlab.pylite.bridge.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** PyTorch programs through the run service: the same path the web UI and the command line take. */
@Timeout(120)
class TorchProgramsTest {

    static final Limits LIMITS = Limits.defaults().withWallTime(Duration.ofSeconds(30));

    private final RunService service = new RunService(RunSettings.defaults().withWorkers(1).withLimits(LIMITS, LIMITS),
            new PyliteExecutor(), RunMetrics.NONE);

    @TempDir
    Path workspace;

    @AfterEach
    void close() {
        service.close();
    }

    private Recorder run(String source) throws Exception {
        return runProgram(new Program(source, "main.py", workspace));
    }

    private Recorder runProgram(Program program) throws Exception {
        SubmitResult result = service.submit(Learner.member("ada"), program, RunKind.RUN);
        assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
        RunHandle handle = ((SubmitResult.Accepted) result).handle();
        Recorder recorder = new Recorder();
        handle.subscribe(recorder);
        handle.outcome().get(60, TimeUnit.SECONDS);
        return recorder.awaitFinished();
    }

    @Test
    @DisplayName("a training loop streams the loss at each backward() and the lr at each optimizer.step()")
    void metricsFromTraining() throws Exception {
        Recorder recorder = run("""
                import torch
                w = torch.zeros(2, requires_grad=True)
                opt = torch.optim.SGD([w], lr=0.1)
                for step in range(3):
                    opt.zero_grad()
                    loss = ((w - torch.tensor([1.0, -1.0])) ** 2).sum()
                    loss.backward()
                    opt.step()
                print(w)
                """);
        assertThat(recorder.finish().status()).isEqualTo(RunResult.Status.OK);
        List<RunEvent.Metric> metrics = recorder.events().stream()
                .filter(RunEvent.Metric.class::isInstance).map(RunEvent.Metric.class::cast).toList();
        // loss.item() of each step as PyTorch 1.13 prints it for the same program
        assertThat(metrics.stream().filter(m -> m.series().equals("loss")).map(RunEvent.Metric::value).toList())
                .containsExactly(2.0, 1.28000009059906, 0.8191999793052673);
        assertThat(metrics.stream().filter(m -> m.series().equals("lr/group0")).map(RunEvent.Metric::value).toList())
                .containsExactly(0.1, 0.1, 0.1);
        assertThat(recorder.text(RunEvent.Stream.STDOUT)).isEqualTo("tensor([ 0.4880, -0.4880], requires_grad=True)\n");
    }

    @Test
    @DisplayName("scheduler.step() before optimizer.step() arrives as PyTorch's UserWarning")
    void schedulerOrderWarning() throws Exception {
        Recorder recorder = run("""
                import torch
                w = torch.zeros(1, requires_grad=True)
                opt = torch.optim.SGD([w], lr=0.1)
                sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1)
                sched.step()
                """);
        assertThat(recorder.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(RunEvent.Warning.class,
                w -> assertThat(w.text()).startsWith("UserWarning: Detected call of `lr_scheduler.step()` before"
                        + " `optimizer.step()`")));
    }

    @Test
    @DisplayName("torch.save writes into the run's workspace and torch.load reads it back")
    void checkpointInWorkspace() throws Exception {
        Recorder recorder = run("""
                import torch
                torch.save({"epoch": 3, "w": torch.tensor([1.5, 2.5])}, "ckpt.pt")
                print(torch.load("ckpt.pt")["epoch"])
                """);
        assertThat(recorder.text(RunEvent.Stream.STDOUT)).isEqualTo("3\n");
        assertThat(Files.exists(workspace.resolve("ckpt.pt"))).isTrue();
    }

    @Test
    @DisplayName("a program given a storage (a signed-in learner's files) saves there instead of a folder, and a later run loads it")
    void checkpointInGivenStorage() throws Exception {
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        Storage storage = new Storage() {
            @Override
            public void write(String path, byte[] data) {
                files.put(path, data.clone());
            }

            @Override
            public byte[] read(String path) throws IOException {
                byte[] data = files.get(path);
                if (data == null) {
                    throw new IOException("no such file: " + path);
                }
                return data.clone();
            }
        };
        Recorder saved = runProgram(new Program("import torch\ntorch.save({'epoch': 4}, 'ckpt.pt')\n", "main.py", workspace)
                .withStorage(storage));
        assertThat(saved.text(RunEvent.Stream.STDERR)).isEmpty();
        assertThat(files).containsKey("ckpt.pt");
        assertThat(Files.exists(workspace.resolve("ckpt.pt"))).isFalse();
        Recorder loaded = runProgram(Program.of("import torch\nprint(torch.load('ckpt.pt')['epoch'])\n").withStorage(storage));
        assertThat(loaded.text(RunEvent.Stream.STDOUT)).isEqualTo("4\n");
    }

    @Test
    @DisplayName("Stop reaches inside one long tensor kernel and frees the worker for the next program")
    void stopInsideKernel() throws Exception {
        SubmitResult result = service.submit(Learner.member("ada"), Program.of("""
                import torch
                a = torch.ones(3000, 3000)
                print("start")
                for _ in range(100):
                    b = a @ a
                """), RunKind.RUN);
        RunHandle handle = ((SubmitResult.Accepted) result).handle();
        Recorder recorder = new Recorder();
        handle.subscribe(recorder);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!recorder.text(RunEvent.Stream.STDOUT).contains("start") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(200); // well inside the first 3000x3000 matmul, which alone takes seconds here
        long stopped = System.nanoTime();
        handle.cancel();
        RunOutcome outcome = handle.outcome().get(30, TimeUnit.SECONDS);
        long toFree = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
        assertThat(outcome.status()).isEqualTo(RunResult.Status.CANCELLED);
        assertThat(toFree).as("milliseconds from Stop to the end of the run").isLessThan(5_000);
        SubmitResult next = service.submit(Learner.member("bob"), Program.of("print('next')\n"), RunKind.RUN);
        RunOutcome nextOutcome = ((SubmitResult.Accepted) next).handle().outcome().get(30, TimeUnit.SECONDS);
        assertThat(nextOutcome.result().stdout()).isEqualTo("next\n");
    }
}
