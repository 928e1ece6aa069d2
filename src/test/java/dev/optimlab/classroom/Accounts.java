package dev.optimlab.classroom;

import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates accounts with unique names, so tests sharing one database never collide. */
public final class Accounts {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Accounts() {
    }

    public static UserAccount create(UserAccountRepository users, Role role, String displayName) {
        String username = role.name().toLowerCase() + "-" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        return users.save(new UserAccount(username, displayName, "{noop}not-used", role, Instant.now()));
    }

    /** The account with this username, created on first use, for tests that sign in with {@code @WithMockUser}. */
    public static UserAccount named(UserAccountRepository users, String username, Role role) {
        return users.findByUsername(username).orElseGet(() -> users.save(new UserAccount(username, username, "{noop}not-used", role, Instant.now())));
    }
}
