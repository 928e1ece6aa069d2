package dev.optimlab.progress;

import dev.optimlab.course.Lang;
import dev.optimlab.pylite.bridge.Storage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed-in learners' workspaces in the database: where their programs' {@code torch.save} and {@code torch.load}
 * go, so checkpoints survive restarts and follow the learner between machines. Each learner has a quota
 * ({@code optimlab.workspace.quota-bytes}, 20 MiB by default); a save that would pass it fails with a message
 * the learner reads in their program's traceback.
 */
@Service
public class WorkspaceFiles {

    /** What a learner sees of one file. */
    public record FileInfo(String name, long size, Instant updatedAt) {
    }

    private static final int MAX_NAME = 255;

    private final WorkspaceFileRepository files;
    private final TransactionTemplate transaction;
    private final long quotaBytes;
    /** Serialises one learner's saves so that two programs cannot both pass the quota check (one app node). */
    private final Map<Long, Object> learnerLocks = new ConcurrentHashMap<>();

    WorkspaceFiles(WorkspaceFileRepository files, PlatformTransactionManager transactions,
                   @Value("${optimlab.workspace.quota-bytes:20971520}") long quotaBytes) {
        if (quotaBytes < 0) {
            throw new IllegalArgumentException("optimlab.workspace.quota-bytes must not be negative");
        }
        this.files = files;
        this.transaction = new TransactionTemplate(transactions);
        this.quotaBytes = quotaBytes;
    }

    /** The learner's workspace as pylite's bridge uses it, with messages in the learner's language. */
    public Storage storageFor(long userId, Lang lang) {
        return new Storage() {
            @Override
            public void write(String path, byte[] data) throws IOException {
                save(userId, path, data, lang);
            }

            @Override
            public byte[] read(String path) throws IOException {
                return load(userId, path);
            }
        };
    }

    public long quotaBytes() {
        return quotaBytes;
    }

    /** Bytes the learner's files take now. */
    public long usedBytes(long userId) {
        return transaction.execute(status -> files.totalSize(userId));
    }

    public List<FileInfo> list(long userId) {
        return transaction.execute(status -> files.findByUserIdOrderByName(userId));
    }

    /** Removes one file; true when there was one. */
    public boolean delete(long userId, String name) {
        return Boolean.TRUE.equals(transaction.execute(status -> files.findByUserIdAndName(userId, name).map(f -> {
            files.delete(f);
            return true;
        }).orElse(false)));
    }

    void save(long userId, String name, byte[] data, Lang lang) throws IOException {
        if (name.length() > MAX_NAME) {
            throw new IOException(text(lang, "a file name is at most " + MAX_NAME + " characters",
                    "文件名最多 " + MAX_NAME + " 个字符"));
        }
        synchronized (learnerLocks.computeIfAbsent(userId, id -> new Object())) {
            String refusal = transaction.execute(status -> {
                WorkspaceFile existing = files.findByUserIdAndName(userId, name).orElse(null);
                long after = files.totalSize(userId) - (existing == null ? 0 : existing.size()) + data.length;
                if (after > quotaBytes) {
                    return fullMessage(name, data.length, after, lang);
                }
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                if (existing == null) {
                    files.save(new WorkspaceFile(userId, name, data, now));
                } else {
                    existing.replace(data, now);
                }
                return null;
            });
            if (refusal != null) {
                throw new IOException(refusal);
            }
        }
    }

    byte[] load(long userId, String name) throws IOException {
        byte[] bytes = transaction.execute(status -> files.findByUserIdAndName(userId, name).map(WorkspaceFile::bytes).orElse(null));
        if (bytes == null) {
            throw new FileNotFoundException(name);
        }
        return bytes;
    }

    private String fullMessage(String name, long size, long after, Lang lang) {
        return text(lang, "your workspace is full: saving '" + name + "' (" + mib(size) + ") would use " + mib(after)
                        + " of your " + mib(quotaBytes) + "; save over an existing file or delete files you no longer need",
                "你的工作区已满：保存“" + name + "”（" + mib(size) + "）后将占用 " + mib(after) + "，超过上限 " + mib(quotaBytes)
                        + "；请覆盖已有文件，或删除不再需要的文件");
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static String text(Lang lang, String en, String zh) {
        return lang == Lang.ZH ? zh : en;
    }
}
