package dev.optimlab.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A subscriber that keeps every batch and lets a test wait for the final event. */
final class Recorder implements RunSubscriber {
    final List<List<RunEvent>> batches = new ArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public synchronized void onEvents(List<RunEvent> batch) {
        batches.add(batch);
        if (batch.getLast() instanceof RunEvent.Finished) {
            finished.countDown();
        }
    }

    Recorder awaitFinished() throws InterruptedException {
        if (!finished.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("no Finished event within 20 s; got " + events());
        }
        return this;
    }

    synchronized List<RunEvent> events() {
        return batches.stream().flatMap(List::stream).toList();
    }

    synchronized String text(RunEvent.Stream stream) {
        StringBuilder text = new StringBuilder();
        for (RunEvent event : events()) {
            if (event instanceof RunEvent.Output(RunEvent.Stream s, String chunk) && s == stream) {
                text.append(chunk);
            }
        }
        return text.toString();
    }

    RunEvent.Finished finish() {
        return (RunEvent.Finished) events().getLast();
    }
}
