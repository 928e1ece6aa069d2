package dev.optimlab.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optimlab.app.Application;
import dev.optimlab.security.AccountException.Problem;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Runs on a database of its own, so that which accounts are admins is known. */
@SpringBootTest(classes = Application.class, properties = "spring.datasource.url=jdbc:h2:mem:account-service-test;DB_CLOSE_DELAY=-1")
class AccountServiceTest {

    private static final String PASSWORD = "a long enough password";

    @Autowired
    AccountService service;

    @Autowired
    UserAccountRepository accounts;

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Problem problemOf(Runnable action) {
        try {
            action.run();
        } catch (AccountException e) {
            return e.problem();
        }
        throw new AssertionError("expected an AccountException");
    }

    @Nested
    @DisplayName("registration")
    class Registration {

        @Test
        @DisplayName("creates a learner whose password is stored only as a bcrypt hash")
        void createsLearner() {
            String username = fresh("reg");
            service.register(username, "  Grace Hopper ", PASSWORD, PASSWORD);
            UserAccount saved = accounts.findByUsername(username).orElseThrow();
            assertThat(saved.role()).isEqualTo(Role.LEARNER);
            assertThat(saved.displayName()).isEqualTo("Grace Hopper");
            assertThat(saved.passwordHash()).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
            assertThat(new BCryptPasswordEncoder().matches(PASSWORD, saved.passwordHash().substring("{bcrypt}".length()))).isTrue();
        }

        @Test
        @DisplayName("refuses a password of nine characters and accepts one of ten")
        void passwordLength() {
            assertThat(problemOf(() -> service.register(fresh("short"), "S", "123456789", "123456789")))
                    .isEqualTo(Problem.PASSWORD_TOO_SHORT);
            assertThat(service.register(fresh("ten"), "T", "1234567890", "1234567890").id()).isNotNull();
        }

        @Test
        @DisplayName("counts characters, not bytes: ten Chinese characters are long enough")
        void countsCharacters() {
            assertThat(service.register(fresh("zh"), "Z", "梯度下降随机优化学习", "梯度下降随机优化学习").id()).isNotNull();
        }

        @Test
        @DisplayName("refuses a password longer than bcrypt's 72 bytes")
        void passwordTooLong() {
            String long73 = "x".repeat(73);
            assertThat(problemOf(() -> service.register(fresh("long"), "L", long73, long73))).isEqualTo(Problem.PASSWORD_TOO_LONG);
        }

        @Test
        @DisplayName("refuses two different passwords, a taken username and an invalid one")
        void refusals() {
            String taken = fresh("taken");
            service.register(taken, "First", PASSWORD, PASSWORD);
            assertThat(problemOf(() -> service.register(fresh("mismatch"), "M", PASSWORD, PASSWORD + "!")))
                    .isEqualTo(Problem.PASSWORD_MISMATCH);
            assertThat(problemOf(() -> service.register(taken, "Second", PASSWORD, PASSWORD))).isEqualTo(Problem.USERNAME_TAKEN);
            assertThat(problemOf(() -> service.register("a b", "Space", PASSWORD, PASSWORD))).isEqualTo(Problem.USERNAME_INVALID);
            assertThat(problemOf(() -> service.register(fresh("blank"), " ", PASSWORD, PASSWORD))).isEqualTo(Problem.DISPLAY_NAME_INVALID);
        }
    }

    @Nested
    @DisplayName("password change")
    class PasswordChange {

        @Test
        @DisplayName("needs the current password and then replaces the hash")
        void changesPassword() {
            String username = fresh("change");
            service.register(username, "C", PASSWORD, PASSWORD);
            assertThat(problemOf(() -> service.changePassword(username, "wrong password", "new password 1", "new password 1")))
                    .isEqualTo(Problem.WRONG_PASSWORD);
            service.changePassword(username, PASSWORD, "new password 1", "new password 1");
            String hash = accounts.findByUsername(username).orElseThrow().passwordHash();
            assertThat(new BCryptPasswordEncoder().matches("new password 1", hash.substring("{bcrypt}".length()))).isTrue();
        }
    }

    @Nested
    @DisplayName("roles")
    class Roles {

        @Test
        @DisplayName("an instructor role is granted and revoked")
        void grantAndRevoke() {
            String username = fresh("teach");
            service.register(username, "T", PASSWORD, PASSWORD);
            assertThat(service.changeRole(username, Role.INSTRUCTOR).role()).isEqualTo(Role.INSTRUCTOR);
            assertThat(service.changeRole(username, Role.LEARNER).role()).isEqualTo(Role.LEARNER);
        }

        @Test
        @DisplayName("the only admin cannot be demoted, one of two can")
        void lastAdmin() {
            String first = fresh("admin");
            service.create(first, "A", PASSWORD, Role.ADMIN, false);
            assertThat(problemOf(() -> service.changeRole(first, Role.LEARNER))).isEqualTo(Problem.LAST_ADMIN);
            String second = fresh("admin");
            service.create(second, "B", PASSWORD, Role.ADMIN, false);
            assertThat(service.changeRole(first, Role.LEARNER).role()).isEqualTo(Role.LEARNER);
        }

        @Test
        @DisplayName("an admin includes the instructor and learner roles")
        void hierarchy() {
            assertThat(Role.ADMIN.included()).containsExactly(Role.LEARNER, Role.INSTRUCTOR, Role.ADMIN);
            assertThat(Role.LEARNER.included()).containsExactly(Role.LEARNER);
        }
    }

    @Test
    @DisplayName("generated passwords are 16 characters without look-alikes and differ each time")
    void generatedPasswords() {
        String first = service.generatePassword();
        assertThat(first).hasSize(16).doesNotContainAnyWhitespaces().matches("[a-km-zA-HJ-NP-Z2-9]{16}");
        assertThat(service.generatePassword()).isNotEqualTo(first);
    }

    @Test
    @DisplayName("changing an unknown account says so")
    void unknownAccount() {
        assertThatThrownBy(() -> service.changeRole("nobody-" + UUID.randomUUID().toString().substring(0, 8), Role.ADMIN))
                .isInstanceOf(AccountException.class).hasMessageContaining("there is no account");
    }
}
