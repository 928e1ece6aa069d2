package dev.optimlab.security;

/** An account operation refused for a reason a person can fix; {@link #problem()} is what forms translate. */
public class AccountException extends RuntimeException {

    /** Why an account operation was refused. */
    public enum Problem {
        USERNAME_INVALID, USERNAME_TAKEN, DISPLAY_NAME_INVALID, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_MISMATCH,
        WRONG_PASSWORD, NO_SUCH_USER, LAST_ADMIN
    }

    private final Problem problem;

    public AccountException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
