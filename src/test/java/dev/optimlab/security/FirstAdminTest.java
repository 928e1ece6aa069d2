package dev.optimlab.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.optimlab.app.Application;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

class FirstAdminTest {

    private static ConfigurableApplicationContext start(String database, String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1";
        all[args.length + 1] = "--server.port=0";
        all[args.length + 2] = "--logging.level.root=WARN";
        return SpringApplication.run(Application.class, all);
    }

    @Nested
    @DisplayName("judging a configured admin password")
    class Weakness {

        @ParameterizedTest(name = "''{1}'' for ''{0}'' is {2}")
        @CsvSource(delimiter = '|', value = {
            "admin | ''            | missing",
            "admin | changeme      | shorter than 10 characters",
            "admin | admin         | shorter than 10 characters",
            "admin | password123   | a well-known one",
            "admin | 1234567890    | a well-known one",
            "admin | Administrator | a well-known one",
            "teacher-one | Teacher-One | a well-known one",
        })
        void weak(String username, String password, String weakness) {
            assertThat(FirstAdmin.weakness(username, password)).isEqualTo(weakness);
        }

        @Test
        @DisplayName("a long password that is not on the list is fine")
        void strong() {
            assertThat(FirstAdmin.weakness("admin", "violet-lantern-42-sgd")).isNull();
        }
    }

    @Test
    @DisplayName("the prod profile refuses to start with a well-known admin password and says what to do")
    void prodRefusesWeakPassword() {
        Throwable failure = catchThrowable(() -> start("first-admin-prod", "--spring.profiles.active=prod",
                "--optimlab.admin.password=password123"));
        assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                .isInstanceOf(FirstAdmin.UnsafeAdminPasswordException.class)
                .hasMessageContaining("The admin password is a well-known one")
                .hasMessageContaining("OPTIMLAB_ADMIN_PASSWORD");
    }

    @Test
    @DisplayName("the first start creates the configured admin once; a second start keeps it and adds none")
    void createsFirstAdminOnce() {
        String[] args = {"--optimlab.admin.username=boss", "--optimlab.admin.password=violet-lantern-42-sgd"};
        try (ConfigurableApplicationContext first = start("first-admin-create", args)) {
            UserAccount boss = first.getBean(UserAccountRepository.class).findByUsername("boss").orElseThrow();
            assertThat(boss.role()).isEqualTo(Role.ADMIN);
        }
        try (ConfigurableApplicationContext second = start("first-admin-create", "--optimlab.admin.username=boss",
                "--optimlab.admin.password=another-password-99")) {
            UserAccountRepository accounts = second.getBean(UserAccountRepository.class);
            assertThat(accounts.findAll()).filteredOn(a -> a.role() == Role.ADMIN).extracting(UserAccount::username).containsExactly("boss");
            assertThat(second.getBean(org.springframework.security.crypto.password.PasswordEncoder.class)
                    .matches("violet-lantern-42-sgd", accounts.findByUsername("boss").orElseThrow().passwordHash())).isTrue();
        }
    }
}
