package dev.optimlab.progress.ui;

import dev.optimlab.security.CurrentUser;
import dev.optimlab.security.UserAccount;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The account of the learner at the page; empty for guests. */
@Component
class LearnerAccounts {

    private final CurrentUser currentUser;

    LearnerAccounts(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** The signed-in learner's account id ({@code users.id}); call it while a request is served. */
    Optional<Long> currentUserId() {
        return currentUser.current().map(UserAccount::id);
    }
}
