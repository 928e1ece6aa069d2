package dev.optimlab.security.ui;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a user in from inside the UI (right after registration), doing what Spring Security's form login does:
 * authenticate through the same throttled provider, move to a new session against session fixation (Vaadin's
 * {@code VaadinService.reinitializeSession}), and store the security context in the session.
 */
@Component
class FormSignIn {

    private final AuthenticationProvider authentication;
    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    FormSignIn(AuthenticationProvider authentication) {
        this.authentication = authentication;
    }

    void signIn(String username, String password) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(request.getHttpServletRequest()));
        Authentication result = authentication.authenticate(attempt);
        VaadinService.reinitializeSession(request);
        // looked up per call: Vaadin installs its session-aware strategy after this bean is built
        SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(result);
        contexts.setContext(context);
        repository.saveContext(context, request.getHttpServletRequest(), VaadinServletResponse.getCurrent().getHttpServletResponse());
    }
}
