package dev.optimlab.runs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's events in order, kept for subscribers that read at their own pace: printed text is joined until
 * the next read, output past the limit is cut with a note, and past {@code capacity} events the oldest are
 * let go. The program's thread writes, delivery threads read; both hold the log's lock only briefly. No
 * PyTorch counterpart: a pipe buffer between a process and its reader.
 */
final class EventLog {
    private final int capacity;
    private final long outputLimit;
    private final ArrayDeque<RunEvent> events = new ArrayDeque<>();
    private final StringBuilder openText = new StringBuilder();
    private RunEvent.Stream openStream;
    private long firstIndex;
    private long outputChars;
    private boolean cut;
    private boolean finished;

    EventLog(int capacity, long outputLimit) {
        this.capacity = capacity;
        this.outputLimit = outputLimit;
    }

    /** The events from {@code cursor} on, and the cursor after them. */
    record Batch(List<RunEvent> events, long next) {
    }

    synchronized void output(RunEvent.Stream stream, String text) {
        if (cut || finished || text.isEmpty()) {
            return;
        }
        long room = outputLimit - outputChars;
        if (text.length() <= room) {
            outputChars += text.length();
            appendOpen(stream, text);
            return;
        }
        appendOpen(stream, text.substring(0, (int) room));
        outputChars = outputLimit;
        cut = true;
        add(new RunEvent.Output(RunEvent.Stream.STDERR, "\n[output cut: the program printed more than "
                + outputLimit + " characters; the rest is not shown]\n"));
    }

    synchronized void warning(String text) {
        if (cut || finished) {
            return;
        }
        outputChars += text.length();
        add(new RunEvent.Warning(text));
    }

    synchronized void add(RunEvent event) {
        if (finished) {
            return;
        }
        sealOpen();
        events.addLast(event);
        while (events.size() > capacity) {
            events.removeFirst();
            firstIndex++;
        }
    }

    /** Ends the log; {@code errorText} is shown even past the cut, since it says why the run ended. */
    synchronized void finish(RunEvent.Finished event, String errorText) {
        if (finished) {
            return;
        }
        if (cut && !errorText.isEmpty()) {
            add(new RunEvent.Output(RunEvent.Stream.STDERR, errorText));
        }
        add(event);
        finished = true;
    }

    synchronized Batch readFrom(long cursor) {
        sealOpen();
        long end = firstIndex + events.size();
        if (cursor >= end) {
            return new Batch(List.of(), end);
        }
        List<RunEvent> batch = new ArrayList<>();
        long from = cursor;
        if (cursor < firstIndex) {
            batch.add(new RunEvent.Skipped(firstIndex - cursor));
            from = firstIndex;
        }
        int skip = (int) (from - firstIndex);
        int i = 0;
        for (RunEvent event : events) {
            if (i++ >= skip) {
                batch.add(event);
            }
        }
        return new Batch(List.copyOf(batch), end);
    }

    /** Whether a reader at {@code cursor} has everything, including the end. */
    synchronized boolean drainedAt(long cursor) {
        return finished && openText.isEmpty() && cursor >= firstIndex + events.size();
    }

    synchronized boolean cut() {
        return cut;
    }

    private void appendOpen(RunEvent.Stream stream, String text) {
        if (openStream != stream) {
            sealOpen();
            openStream = stream;
        }
        openText.append(text);
    }

    private void sealOpen() {
        if (!openText.isEmpty()) {
            RunEvent.Output output = new RunEvent.Output(openStream, openText.toString());
            openText.setLength(0);
            events.addLast(output);
            while (events.size() > capacity) {
                events.removeFirst();
                firstIndex++;
            }
        }
        openStream = null;
    }
}
