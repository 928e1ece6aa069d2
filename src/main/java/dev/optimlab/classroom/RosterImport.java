package dev.optimlab.classroom;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of importing a roster CSV: accounts created (with their one-time passwords, shown once and never
 * stored in clear), existing accounts added to the classroom, and the lines that could not be used.
 */
public record RosterImport(List<IssuedAccount> created, List<String> enrolledExisting, List<Problem> problems) {

    /** A new account and the password to hand to its owner, who must change it at the first sign-in. */
    public record IssuedAccount(String username, String displayName, String oneTimePassword) {
    }

    /** Why a line of the roster was skipped; the view words it in the instructor's language. */
    public enum Reason {
        /** The roster has more lines than one import takes; argument: the limit. */
        TOO_MANY_LINES,
        /** The CSV cannot be parsed from this line on (e.g. a quote never closed); no argument. */
        UNREADABLE,
        /** Not "username,display name"; argument: the line as found. */
        NOT_TWO_CELLS,
        /** The username appeared on an earlier line; argument: the username. */
        DUPLICATE_USERNAME,
        /** The username breaks the account rules; argument: the username. */
        INVALID_USERNAME,
        /** The display name breaks the account rules; argument: the username. */
        INVALID_DISPLAY_NAME;

        /** The message key under {@code classroom.roster.problem.}, e.g. {@code classroom.roster.problem.duplicateUsername}. */
        public String messageKey() {
            String[] words = name().toLowerCase(Locale.ROOT).split("_");
            StringBuilder key = new StringBuilder("classroom.roster.problem.").append(words[0]);
            for (int i = 1; i < words.length; i++) {
                key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            return key.toString();
        }
    }

    /**
     * A line of the CSV that was skipped, why, and what the message about it names (a username, a limit...).
     *
     * @param line the line of the text, blank lines counted, on which the skipped record ends
     */
    public record Problem(long line, Reason reason, List<Object> arguments) {

        public Problem {
            arguments = List.copyOf(arguments);
        }

        public Problem(long line, Reason reason, Object... arguments) {
            this(line, reason, List.of(arguments));
        }
    }

    public RosterImport {
        created = List.copyOf(created);
        enrolledExisting = List.copyOf(enrolledExisting);
        problems = List.copyOf(problems);
    }
}
