package dev.optimlab.runs;

import java.util.List;

/**
 * Receives a run's events in batches (about every 50 ms, and at once when the run ends), each batch in
 * order and never two at the same time. Called on a delivery thread of its own, so it may block without
 * slowing the program or other subscribers. No PyTorch counterpart.
 */
@FunctionalInterface
public interface RunSubscriber {

    void onEvents(List<RunEvent> batch);
}
