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
 * Hands every stored attempt and every roster change to the open instructor pages, after its transaction
 * commits, so a page re-reads rows that are there. Vaadin's "Broadcaster" pattern: pages register on attach and remove themselves on
 * detach, so a closed tab is never called again.
 */
@Component
public class AttemptBroadcaster {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptBroadcaster.class);

    private final List<Consumer<AttemptRecorded>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<RosterChanged>> rosterListeners = new CopyOnWriteArrayList<>();

    public Registration register(Consumer<AttemptRecorded> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public Registration registerRoster(Consumer<RosterChanged> listener) {
        rosterListeners.add(listener);
        return () -> rosterListeners.remove(listener);
    }

    @TransactionalEventListener
    void on(AttemptRecorded event) {
        deliver(listeners, event, "attempt " + event.attemptId());
    }

    @TransactionalEventListener
    void on(RosterChanged event) {
        deliver(rosterListeners, event, "the roster change of classroom " + event.classroomId());
    }

    private static <E> void deliver(List<Consumer<E>> to, E event, String what) {
        for (Consumer<E> listener : to) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                // one broken page must not keep the others, or the learner's request, from going on
                LOG.warn("a classroom page failed to take {}", what, e);
            }
        }
    }
}
