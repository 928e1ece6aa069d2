package dev.optimlab.classroom.ui;

import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import org.springframework.stereotype.Component;

/** The signed-in account of the classroom pages, as stored now (a role granted a minute ago counts at once). */
@Component
class SignedIn {

    private final AuthenticationContext authentication;
    private final UserAccountRepository accounts;

    SignedIn(AuthenticationContext authentication, UserAccountRepository accounts) {
        this.authentication = authentication;
        this.accounts = accounts;
    }

    /** The account; the pages that ask are never open to guests, so a missing account is a bug. */
    UserAccount account() {
        return authentication.getPrincipalName().flatMap(accounts::findByUsername)
                .orElseThrow(() -> new IllegalStateException("a classroom page was opened without a signed-in account"));
    }
}
