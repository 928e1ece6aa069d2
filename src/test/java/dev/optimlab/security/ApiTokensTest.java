package dev.optimlab.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.app.Application;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = Application.class)
class ApiTokensTest {

    @Autowired
    ApiTokens tokens;

    @Autowired
    ApiTokenRepository repository;

    @Autowired
    UserAccountRepository accounts;

    private UserAccount owner;
    private UserAccount other;

    private UserAccount account(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return accounts.save(new UserAccount(username, username, "{noop}unused-password", Role.LEARNER, Instant.now()));
    }

    @BeforeEach
    void owners() {
        owner = account("owner");
        other = account("other");
    }

    @Test
    @DisplayName("a new token's secret is 256 random bits, and only its SHA-256 hex digest is stored")
    void storesOnlyTheHash() throws Exception {
        ApiTokens.Created created = tokens.create(owner, "laptop");
        assertThat(created.secret()).startsWith("olt_").hasSize(4 + 43).matches("olt_[A-Za-z0-9_-]{43}");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(created.secret().getBytes(StandardCharsets.UTF_8)));
        ApiToken stored = repository.findById(created.token().id()).orElseThrow();
        assertThat(stored.tokenHash()).isEqualTo(sha256);
        assertThat(stored.tokenPrefix()).isEqualTo(created.secret().substring(0, 10));
        assertThat(stored.name()).isEqualTo("laptop");
        assertThat(tokens.create(owner, "laptop").secret()).isNotEqualTo(created.secret());
    }

    @Test
    @DisplayName("a secret resolves to its owner and records when it was used")
    void authenticates() {
        ApiTokens.Created created = tokens.create(owner, "ci");
        assertThat(tokens.authenticate(created.secret())).map(UserAccount::username).contains(owner.username());
        assertThat(repository.findById(created.token().id()).orElseThrow().lastUsedAt()).isNotNull();
    }

    @Test
    @DisplayName("an unknown, altered or malformed secret resolves to nobody")
    void unknownSecrets() {
        String secret = tokens.create(owner, "ci").secret();
        assertThat(tokens.authenticate(secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A"))).isEmpty();
        assertThat(tokens.authenticate("not-a-token")).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
    }

    @Test
    @DisplayName("only the owner can revoke a token, and a revoked token resolves to nobody")
    void revokes() {
        ApiTokens.Created created = tokens.create(owner, "old");
        assertThat(tokens.revoke(other, created.token().id())).isFalse();
        assertThat(tokens.authenticate(created.secret())).isPresent();
        assertThat(tokens.revoke(owner, created.token().id())).isTrue();
        assertThat(tokens.authenticate(created.secret())).isEmpty();
        assertThat(tokens.list(owner)).extracting(ApiToken::name).doesNotContain("old");
    }

    @Test
    @DisplayName("a disabled account's token no longer authenticates")
    void disabledAccount() {
        ApiTokens.Created created = tokens.create(owner, "ci");
        owner.setEnabled(false);
        accounts.save(owner);
        assertThat(tokens.authenticate(created.secret())).isEmpty();
    }
}
