package dev.optimlab.progress.ui;

import com.vaadin.flow.server.VaadinSession;
import dev.optimlab.course.Exercise;
import dev.optimlab.progress.Draft;
import dev.optimlab.progress.ProgressService;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The editor's text per exercise as the learner leaves it, so a reload or a sign-in loses nothing: in the session
 * for everyone (it survives signing in: the session id changes, its attributes stay) and, for a signed-in learner,
 * in their stored drafts. No PyTorch counterpart: a notebook's autosave.
 */
@Component
class Drafts {

    private final ProgressService progress;

    Drafts(ProgressService progress) {
        this.progress = progress;
    }

    private static String key(Exercise exercise) {
        return Drafts.class.getName() + ":" + exercise.id();
    }

    /** The stored draft of a signed-in learner, else what this session typed, else nothing. */
    Optional<String> load(Optional<Long> userId, Exercise exercise) {
        Optional<String> stored = userId.flatMap(user -> progress.draft(user, exercise.id())).map(Draft::code);
        if (stored.isPresent()) {
            return stored;
        }
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(key(exercise)));
    }

    /** Keeps the text; false when it is over the program size limit and was not stored. */
    boolean save(Optional<Long> userId, Exercise exercise, String code) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(key(exercise), code);
        }
        try {
            userId.ifPresent(user -> progress.saveDraft(user, exercise.id(), code));
            return true;
        } catch (IllegalArgumentException tooLarge) {
            return false;
        }
    }
}
