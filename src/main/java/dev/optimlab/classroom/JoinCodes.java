package dev.optimlab.classroom;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Join codes and one-time passwords that survive being read aloud or copied from a projector: no 0/O, 1/I/L
 * or 5/S look-alikes. Its counterpart is Python's {@code secrets.choice} over an alphabet.
 */
final class JoinCodes {

    static final String ALPHABET = "ABCDEFGHJKMNPQRTUVWXYZ2346789";
    static final int LENGTH = 8;
    private static final String PASSWORD_ALPHABET = ALPHABET + "abcdefghjkmnpqrtuvwxyz";
    static final int PASSWORD_LENGTH = 12;

    private final RandomGenerator random;

    JoinCodes() {
        this(new SecureRandom());
    }

    JoinCodes(RandomGenerator random) {
        this.random = random;
    }

    String nextCode() {
        return draw(ALPHABET, LENGTH);
    }

    String nextPassword() {
        return draw(PASSWORD_ALPHABET, PASSWORD_LENGTH);
    }

    private String draw(String alphabet, int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.toString();
    }

    /** What a learner typed, as stored: upper case, without the spaces and dashes people add when copying. */
    static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
