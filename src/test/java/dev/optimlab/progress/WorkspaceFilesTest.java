package dev.optimlab.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optimlab.course.Lang;
import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import dev.optimlab.pylite.bridge.Storage;
import dev.optimlab.pylite.bridge.TorchBridge;
import dev.optimlab.pylite.bridge.TorchEvents;
import dev.optimlab.security.UserAccountRepository;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

@DisplayName("A learner's workspace files")
class WorkspaceFilesTest extends ProgressSpringTest {

    @Autowired
    WorkspaceFileRepository repository;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    UserAccountRepository users;

    WorkspaceFiles files;
    long learner;

    @BeforeEach
    void setUp() {
        files = new WorkspaceFiles(repository, transactions, 1000);
        learner = ProgressTestSupport.newLearner(users);
    }

    @Test
    @DisplayName("reads back what was written, and a second write replaces the first")
    void roundTrip() throws IOException {
        Storage storage = files.storageFor(learner, Lang.EN);
        storage.write("ckpt.pt", new byte[] {1, 2, 3});
        storage.write("ckpt.pt", new byte[] {4, 5});
        assertThat(storage.read("ckpt.pt")).containsExactly(4, 5);
        assertThat(files.usedBytes(learner)).isEqualTo(2);
        assertThat(files.list(learner)).extracting(WorkspaceFiles.FileInfo::name, WorkspaceFiles.FileInfo::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ckpt.pt", 2L));
    }

    @Test
    @DisplayName("a missing file is FileNotFoundException, and another learner's file is missing too")
    void missingAndPrivate() throws IOException {
        files.storageFor(learner, Lang.EN).write("mine.pt", new byte[] {1});
        Storage other = files.storageFor(ProgressTestSupport.newLearner(users), Lang.EN);
        assertThatThrownBy(() -> other.read("mine.pt")).isInstanceOf(FileNotFoundException.class);
    }

    @Test
    @DisplayName("refuses a save past the quota with the sizes in the message, and counts a replaced file once")
    void quota() throws IOException {
        Storage storage = files.storageFor(learner, Lang.EN);
        storage.write("a.pt", new byte[600]);
        storage.write("a.pt", new byte[900]);
        assertThatThrownBy(() -> storage.write("b.pt", new byte[200])).isInstanceOf(IOException.class)
                .hasMessageContaining("your workspace is full").hasMessageContaining("'b.pt'");
        assertThat(files.delete(learner, "a.pt")).isTrue();
        storage.write("b.pt", new byte[200]);
        assertThat(files.usedBytes(learner)).isEqualTo(200);
    }

    @Test
    @DisplayName("a program's torch.save past the quota fails with the learner's message in Chinese when asked")
    void throughTheBridge() {
        WorkspaceFiles small = new WorkspaceFiles(repository, transactions, 300);
        String program = """
                import torch
                torch.save({"w": torch.zeros(10)}, "small.pt")
                print(torch.load("small.pt")["w"].shape)
                torch.save({"w": torch.zeros(1000)}, "big.pt")
                """;
        RunResult result = TorchBridge.run(program, "main.py", Limits.defaults(), RunListener.NONE,
                small.storageFor(learner, Lang.ZH), TorchEvents.NONE);
        assertThat(result.ok()).isFalse();
        assertThat(result.stdout()).contains("torch.Size([10])");
        assertThat(result.stderr()).contains("工作区已满").contains("big.pt");
    }
}
