package dev.optimlab.security;

import dev.optimlab.security.AccountException.Problem;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration, password changes and roles, like Spring Security's {@code UserDetailsManager} but over our
 * accounts and with reasons a form can show.
 */
@Service
public class AccountService {

    public static final int MIN_PASSWORD_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; Spring Security refuses longer input rather than cut it silently. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final String GENERATED_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final SecureRandom random = new SecureRandom();

    AccountService(UserAccountRepository accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    /** A learner's own registration. */
    @Transactional
    public UserAccount register(String username, String displayName, String password, String confirmation) {
        if (!password.equals(confirmation)) {
            throw new AccountException(Problem.PASSWORD_MISMATCH, "the two passwords differ");
        }
        return create(username, displayName, password, Role.LEARNER, false);
    }

    /** An account made by an admin or the command line; {@code temporary} asks for a new password at first use. */
    @Transactional
    public UserAccount create(String username, String displayName, String password, Role role, boolean temporary) {
        if (!UserAccount.isValidUsername(username)) {
            throw new AccountException(Problem.USERNAME_INVALID, "a username is 3 to 64 letters, digits, '_', '.' or '-'");
        }
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 100) {
            throw new AccountException(Problem.DISPLAY_NAME_INVALID, "a display name is 1 to 100 characters");
        }
        checkPassword(password);
        if (accounts.findByUsername(username).isPresent()) {
            throw new AccountException(Problem.USERNAME_TAKEN, "the username '" + username + "' is taken");
        }
        UserAccount account = new UserAccount(username, displayName, encoder.encode(password), role, Instant.now());
        account.changePasswordHash(account.passwordHash(), temporary);
        try {
            return accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException e) {
            throw new AccountException(Problem.USERNAME_TAKEN, "the username '" + username + "' is taken");
        }
    }

    /** Changes a password after checking the current one, as a signed-in user does on their profile. */
    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword, String confirmation) {
        UserAccount account = find(username);
        if (!encoder.matches(currentPassword, account.passwordHash())) {
            throw new AccountException(Problem.WRONG_PASSWORD, "the current password is not right");
        }
        if (!newPassword.equals(confirmation)) {
            throw new AccountException(Problem.PASSWORD_MISMATCH, "the two passwords differ");
        }
        checkPassword(newPassword);
        account.changePasswordHash(encoder.encode(newPassword), false);
    }

    /** Sets a password without the current one, for an admin or the command line. */
    @Transactional
    public void resetPassword(String username, String newPassword, boolean temporary) {
        checkPassword(newPassword);
        find(username).changePasswordHash(encoder.encode(newPassword), temporary);
    }

    @Transactional
    public UserAccount rename(String username, String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 100) {
            throw new AccountException(Problem.DISPLAY_NAME_INVALID, "a display name is 1 to 100 characters");
        }
        UserAccount account = find(username);
        account.rename(displayName);
        return account;
    }

    /** Keeps the user's colour scheme in their account, so every browser they sign in on opens in it. */
    @Transactional
    public void rememberColorScheme(String username, boolean dark) {
        find(username).rememberColorScheme(dark);
    }

    /** Keeps the user's UI language in their account, so every browser they sign in on speaks it. */
    @Transactional
    public void rememberLanguage(String username, Locale language) {
        find(username).rememberLanguage(language);
    }

    /** Gives an account a role; the last admin cannot be demoted, or nobody could manage roles any more. */
    @Transactional
    public UserAccount changeRole(String username, Role role) {
        UserAccount account = find(username);
        if (account.role() == Role.ADMIN && role != Role.ADMIN
                && accounts.findAll().stream().filter(a -> a.role() == Role.ADMIN).count() == 1) {
            throw new AccountException(Problem.LAST_ADMIN, "'" + username + "' is the only admin");
        }
        account.changeRole(role);
        return account;
    }

    @Transactional(readOnly = true)
    public List<UserAccount> all() {
        return accounts.findAll(Sort.by("username"));
    }

    @Transactional(readOnly = true)
    public UserAccount find(String username) {
        return accounts.findByUsername(username)
                .orElseThrow(() -> new AccountException(Problem.NO_SUCH_USER, "there is no account '" + username + "'"));
    }

    /** A random password of 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I), to hand out. */
    public String generatePassword() {
        StringBuilder password = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            password.append(GENERATED_ALPHABET.charAt(random.nextInt(GENERATED_ALPHABET.length())));
        }
        return password.toString();
    }

    static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new AccountException(Problem.PASSWORD_TOO_SHORT, "a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new AccountException(Problem.PASSWORD_TOO_LONG, "a password has at most " + MAX_PASSWORD_BYTES + " bytes");
        }
    }
}
