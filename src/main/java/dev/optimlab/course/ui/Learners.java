package dev.optimlab.course.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.optimlab.runs.Learner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who is at the page, as the run service counts learners: the signed-in account's username, or a guest named by
 * the HTTP session and counted against the remote address. No PyTorch counterpart.
 */
@Component
public class Learners {

    private final ObjectProvider<AuthenticationContext> authentication;

    Learners(ObjectProvider<AuthenticationContext> authentication) {
        this.authentication = authentication;
    }

    /** The username when signed in. */
    public java.util.Optional<String> username() {
        AuthenticationContext context = authentication.getIfAvailable();
        return context != null && context.isAuthenticated() ? context.getPrincipalName() : java.util.Optional.empty();
    }

    /** The learner of the current request; call it while a request is served (e.g. when a view attaches). */
    public Learner current() {
        return username().map(Learner::member).orElseGet(() -> {
            VaadinSession session = VaadinSession.getCurrent();
            VaadinRequest request = VaadinRequest.getCurrent();
            String id = session != null && session.getSession() != null ? session.getSession().getId() : "anonymous";
            return Learner.guest("guest:" + id, request != null ? request.getRemoteAddr() : "");
        });
    }
}
