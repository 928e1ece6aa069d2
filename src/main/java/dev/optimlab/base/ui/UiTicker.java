package dev.optimlab.base.ui;

import com.vaadin.flow.component.UI;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;

/**
 * Runs periodic work for views on one shared daemon thread and pushes it to the browser through
 * {@link UI#access}. A tick that returns false ends its task, as does detaching the UI.
 */
@Component
public class UiTicker {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ui-ticker");
        thread.setDaemon(true);
        return thread;
    });

    /** Calls {@code tick} inside {@code ui.access} every {@code periodMillis} until it returns false. */
    public void every(UI ui, long periodMillis, BooleanSupplier tick) {
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        task[0] = scheduler.scheduleAtFixedRate(() -> {
            if (!ui.isAttached()) {
                task[0].cancel(false);
                return;
            }
            ui.access(() -> {
                if (!tick.getAsBoolean()) {
                    task[0].cancel(false);
                }
            });
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** A throttle whose updates run on the ticker's thread, at most one per {@code intervalMillis}. */
    public PushThrottle throttle(long intervalMillis, Runnable update) {
        return new PushThrottle(scheduler, intervalMillis, update);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
