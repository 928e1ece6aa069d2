package dev.optimlab.classroom;

import java.util.List;

/**
 * The outcome of importing a roster CSV: accounts created (with their one-time passwords, shown once and never
 * stored in clear), existing accounts added to the classroom, and the lines that could not be used.
 */
public record RosterImport(List<IssuedAccount> created, List<String> enrolledExisting, List<Problem> problems) {

    /** A new account and the password to hand to its owner, who must change it at the first sign-in. */
    public record IssuedAccount(String username, String displayName, String oneTimePassword) {
    }

    /** A line of the CSV that was skipped, and why. */
    public record Problem(long line, String message) {
    }

    public RosterImport {
        created = List.copyOf(created);
        enrolledExisting = List.copyOf(enrolledExisting);
        problems = List.copyOf(problems);
    }
}
