package dev.optimlab.progress.ui;

import dev.optimlab.course.ui.Learners;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The account of the learner at the page, by the username they signed in with; empty for guests. */
@Component
class LearnerAccounts {

    private final Learners learners;
    private final UserAccountRepository users;

    LearnerAccounts(Learners learners, UserAccountRepository users) {
        this.learners = learners;
        this.users = users;
    }

    /** The signed-in learner's account id ({@code users.id}); call it while a request is served. */
    Optional<Long> currentUserId() {
        return learners.username().flatMap(users::findByUsername).map(UserAccount::id);
    }
}
