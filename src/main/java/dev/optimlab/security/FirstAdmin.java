package dev.optimlab.security;

import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin from configuration ({@code optimlab.admin.username}, {@code optimlab.admin.password}
 * or the environment variable {@code OPTIMLAB_ADMIN_PASSWORD}) when the database has no admin yet, as Jenkins or
 * Keycloak bootstrap theirs. Where {@code optimlab.admin.require-strong-password} is on (the {@code prod} profile),
 * start-up stops on a missing or well-known password.
 */
@Component
class FirstAdmin implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    /** Passwords that the first guesses of anyone scanning for admin logins would try. */
    static final Set<String> WELL_KNOWN = Set.of("admin", "administrator", "password", "changeme", "change-me", "secret",
            "optimlab", "letmein", "qwerty", "123456", "12345678", "1234567890", "password1", "password123", "admin123",
            "adminadmin", "passw0rd", "p@ssw0rd", "changeit", "default", "qwertyuiop", "0123456789");

    private final AccountService accountService;
    private final UserAccountRepository accounts;
    private final String username;
    private final String password;
    private final boolean requireStrongPassword;

    FirstAdmin(AccountService accountService, UserAccountRepository accounts, @Value("${optimlab.admin.username:admin}") String username,
            @Value("${optimlab.admin.password:}") String password,
            @Value("${optimlab.admin.require-strong-password:false}") boolean requireStrongPassword) {
        this.accountService = accountService;
        this.accounts = accounts;
        this.username = username;
        this.password = password;
        this.requireStrongPassword = requireStrongPassword;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String weakness = weakness(username, password);
        if (requireStrongPassword && weakness != null) {
            String message = "The admin password is " + weakness + ".\n\n"
                    + "Action: set a password of at least " + AccountService.MIN_PASSWORD_LENGTH + " characters that is not a"
                    + " well-known one in the environment variable OPTIMLAB_ADMIN_PASSWORD (or optimlab.admin.password), for"
                    + " the admin '" + username + "', and start again.";
            log.error("\n\n***************************\nAPPLICATION FAILED TO START\n***************************\n\n{}\n", message);
            throw new UnsafeAdminPasswordException(message);
        }
        if (accounts.findAll().stream().anyMatch(a -> a.role() == Role.ADMIN)) {
            return;
        }
        if (password.isEmpty()) {
            log.warn("No admin account exists and optimlab.admin.password (OPTIMLAB_ADMIN_PASSWORD) is not set: nobody can manage roles."
                    + " Set it and restart, or run: java -jar optimlab.jar users create NAME --role ADMIN --generate");
            return;
        }
        if (accounts.findByUsername(username).isPresent()) {
            accountService.changeRole(username, Role.ADMIN);
            log.info("Made the existing account '{}' the first admin", username);
        } else {
            accountService.create(username, "Administrator", password, Role.ADMIN, false);
            log.info("Created the first admin '{}' from configuration", username);
        }
    }

    /** Why a password is not fit for an admin, or null when it is. */
    static String weakness(String username, String password) {
        if (password == null || password.isEmpty()) {
            return "missing";
        }
        if (password.codePointCount(0, password.length()) < AccountService.MIN_PASSWORD_LENGTH) {
            return "shorter than " + AccountService.MIN_PASSWORD_LENGTH + " characters";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (WELL_KNOWN.contains(lower) || lower.equals(username.toLowerCase(Locale.ROOT))) {
            return "a well-known one";
        }
        return null;
    }

    /** Start-up refused because the configured admin password is missing or weak. */
    static final class UnsafeAdminPasswordException extends IllegalStateException {
        UnsafeAdminPasswordException(String message) {
            super(message);
        }
    }
}
