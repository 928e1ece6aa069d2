package dev.optimlab.classroom;

import com.vaadin.flow.shared.Registration;
import dev.optimlab.progress.AttemptRecorded;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands every stored attempt to the open instructor pages, after its transaction commits, so a page re-reads
 * rows that are there. Vaadin's "Broadcaster" pattern: pages register on attach and remove themselves on
 * detach, so a closed tab is never called again.
 */
@Component
public class AttemptBroadcaster {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptBroadcaster.class);

    private final List<Consumer<AttemptRecorded>> listeners = new CopyOnWriteArrayList<>();

    public Registration register(Consumer<AttemptRecorded> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @TransactionalEventListener
    void on(AttemptRecorded event) {
        for (Consumer<AttemptRecorded> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                // one broken page must not keep the others, or the learner's submit, from going on
                LOG.warn("a classroom page failed to take attempt {}", event.attemptId(), e);
            }
        }
    }

    int listenerCount() {
        return listeners.size();
    }
}
