package dev.optimlab.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who is using the app right now: the signed-in account, or a guest. Reads Spring Security's context through
 * Vaadin's {@code AuthenticationContext}, which also works in push and background UI access, and answers with the
 * account as stored now (a role granted a minute ago counts here at once).
 */
@Component
public class CurrentUser {

    private final AuthenticationContext authentication;
    private final UserAccountRepository accounts;

    CurrentUser(AuthenticationContext authentication, UserAccountRepository accounts) {
        this.authentication = authentication;
        this.accounts = accounts;
    }

    /** The signed-in account; empty for a guest. */
    public Optional<UserAccount> current() {
        return authentication.getPrincipalName().flatMap(accounts::findByUsername);
    }

    /** The signed-in user's username without a database read; empty for a guest. */
    public Optional<String> username() {
        return authentication.getPrincipalName();
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
        authentication.logout();
    }
}
