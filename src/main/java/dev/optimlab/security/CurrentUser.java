package dev.optimlab.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is using the app right now: the signed-in account (by session or API token), or a guest. Reads Spring
 * Security's context as Vaadin's {@code AuthenticationContext} does (Vaadin's strategy finds it in push requests
 * too) and answers with the account as stored now (a role granted a minute ago counts here at once).
 */
@Component
public class CurrentUser {

    private final ObjectProvider<AuthenticationContext> vaadinAuthentication;
    private final UserAccountRepository accounts;

    /** Vaadin's context exists only in the web app; the command line's Spring has none and never signs out. */
    CurrentUser(ObjectProvider<AuthenticationContext> vaadinAuthentication, UserAccountRepository accounts) {
        this.vaadinAuthentication = vaadinAuthentication;
        this.accounts = accounts;
    }

    /** The signed-in account; empty for a guest. */
    public Optional<UserAccount> current() {
        return username().flatMap(accounts::findByUsername);
    }

    /** The signed-in user's username without a database read; empty for a guest. */
    public Optional<String> username() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()
                ? Optional.empty() : Optional.of(authentication.getName());
    }

    public boolean isGuest() {
        return current().isEmpty();
    }

    /** Whether the signed-in account has this role or a higher one; a guest has none. */
    public boolean hasRole(Role role) {
        return current().map(account -> account.role().included().contains(role)).orElse(false);
    }

    /** Signs out: ends the session and sends the browser to the home page. */
    public void logout() {
        vaadinAuthentication.getObject().logout();
    }
}
