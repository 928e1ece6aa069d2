package dev.optimlab.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optimlab.app.Application;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

class UserAccountPersistenceTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        SpringApplication app = new SpringApplication(Application.class);
        return app.run("--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("optimlab"), "--spring.main.banner-mode=off",
                "--vaadin.launch-browser=false");
    }

    @Test
    @DisplayName("an account saved in the file database is there after a restart")
    void survivesRestart() {
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(UserAccountRepository.class).save(new UserAccount("ada", "Ada", "{noop}x", Role.LEARNER, created));
        }
        try (ConfigurableApplicationContext second = start()) {
            UserAccount ada = second.getBean(UserAccountRepository.class).findByUsername("ada").orElseThrow();
            assertThat(ada.displayName()).isEqualTo("Ada");
            assertThat(ada.role()).isEqualTo(Role.LEARNER);
            assertThat(ada.createdAt()).isEqualTo(created);
        }
    }

    @Test
    @DisplayName("an account refuses an invalid username with a clear message")
    void validatesUsername() {
        assertThatThrownBy(() -> new UserAccount("a b", "A", "{noop}x", Role.LEARNER, Instant.now()))
                .hasMessageContaining("a username is 3 to 64 letters");
    }
}
