package dev.optimlab.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** An account: a learner, an instructor or an admin. The password is stored only as an encoder's hash. */
@Entity
@Table(name = "users")
public class UserAccount {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,64}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    /** "dark" or "light" once the user has chosen; null lets the browser's memory decide. */
    @Column(name = "color_scheme", length = 5)
    private String colorScheme;

    /** A BCP 47 language tag once the user has chosen; null lets the browser's language decide. */
    @Column(name = "ui_language", length = 16)
    private String uiLanguage;

    protected UserAccount() {
    }

    public UserAccount(String username, String displayName, String passwordHash, Role role, Instant createdAt) {
        if (!isValidUsername(username)) {
            throw new IllegalArgumentException("a username is 3 to 64 letters, digits, '_', '.' or '-'");
        }
        this.username = username;
        this.displayName = validDisplayName(displayName);
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.role = Objects.requireNonNull(role, "role");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether a string is acceptable as a username, so forms can say so before trying to create an account. */
    public static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    private static String validDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 100) {
            throw new IllegalArgumentException("a display name is 1 to 100 characters");
        }
        return displayName.strip();
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** Whether the user chose the dark colour scheme; empty until they have chosen either. */
    public Optional<Boolean> prefersDark() {
        return Optional.ofNullable(colorScheme).map("dark"::equals);
    }

    /** The UI language the user chose; empty until they have chosen one. */
    public Optional<Locale> uiLanguage() {
        return Optional.ofNullable(uiLanguage).map(Locale::forLanguageTag);
    }

    public void rememberColorScheme(boolean dark) {
        colorScheme = dark ? "dark" : "light";
    }

    public void rememberLanguage(Locale language) {
        uiLanguage = language.toLanguageTag();
    }

    public void rename(String newDisplayName) {
        displayName = validDisplayName(newDisplayName);
    }

    /** Replaces the password hash; {@code temporary} asks the user to choose their own at the next sign-in. */
    public void changePasswordHash(String newPasswordHash, boolean temporary) {
        passwordHash = Objects.requireNonNull(newPasswordHash, "newPasswordHash");
        mustChangePassword = temporary;
    }

    public void changeRole(Role newRole) {
        role = Objects.requireNonNull(newRole, "newRole");
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
