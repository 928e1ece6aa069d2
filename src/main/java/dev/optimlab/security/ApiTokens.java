package dev.optimlab.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, revokes and resolves personal API tokens. A secret is 32 random bytes (256 bits), so a fast
 * unsalted SHA-256 is enough to store it: unlike a password there is nothing to guess (docs/decisions.md).
 */
@Service
public class ApiTokens {

    /** What a new token's secret starts with, so a leaked one is recognisable (as GitHub's {@code ghp_}). */
    public static final String SECRET_PREFIX = "olt_";

    /** A token's last use is written at most this often, so a busy client does not turn every call into a write. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    /** A new token and its secret, which exists only in this object and is never stored. */
    public record Created(ApiToken token, String secret) {
    }

    private final ApiTokenRepository tokens;
    private final UserAccountRepository accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(ApiTokenRepository tokens, UserAccountRepository accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public Created create(UserAccount owner, String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.save(new ApiToken(owner.id(), name, hash(secret), secret.substring(0, SECRET_PREFIX.length() + 6),
                clock.instant()));
        return new Created(token, secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list(UserAccount owner) {
        return tokens.findByUserIdOrderByCreatedAtAsc(owner.id());
    }

    /** Deletes the owner's token; a token of someone else is left alone and reported as not found. */
    @Transactional
    public boolean revoke(UserAccount owner, long tokenId) {
        Optional<ApiToken> token = tokens.findById(tokenId).filter(t -> t.userId().equals(owner.id()));
        token.ifPresent(tokens::delete);
        return token.isPresent();
    }

    /** The enabled account a secret belongs to, noting when the token was used; empty for an unknown secret. */
    @Transactional
    public Optional<UserAccount> authenticate(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(secret)).flatMap(token -> {
            Instant now = clock.instant();
            if (token.lastUsedAt() == null || token.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
                token.usedAt(now);
            }
            return accounts.findById(token.userId()).filter(UserAccount::enabled);
        });
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
