package dev.optimlab.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per username and per network address and locks a key for a while once it has too
 * many, as Spring Security's documentation suggests building around {@code AuthenticationFailureBadCredentialsEvent}.
 * Addresses get their own, higher limit: a whole classroom may share one address behind a NAT.
 */
public final class LoginThrottle {

    private record Failures(int count, Instant lockedUntil) {
    }

    /** Above this many tracked keys, expired entries are swept so the map cannot grow without bound. */
    private static final int SWEEP_ABOVE = 10_000;

    private final int maxFailuresPerUsername;
    private final int maxFailuresPerAddress;
    private final Duration lockDuration;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailuresPerUsername, int maxFailuresPerAddress, Duration lockDuration, Clock clock) {
        if (maxFailuresPerUsername < 1 || maxFailuresPerAddress < 1 || lockDuration.isNegative()) {
            throw new IllegalArgumentException("failure limits must be at least 1 and the lock duration not negative");
        }
        this.maxFailuresPerUsername = maxFailuresPerUsername;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.lockDuration = lockDuration;
        this.clock = clock;
    }

    /** When sign-in for this username or address is locked, until when; empty when it may be tried. */
    public Optional<Instant> lockedUntil(String username, String address) {
        Instant now = clock.instant();
        Instant until = null;
        for (String key : keys(username, address)) {
            Failures f = failures.get(key);
            if (f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(now)) {
                until = until == null || f.lockedUntil().isAfter(until) ? f.lockedUntil() : until;
            }
        }
        return Optional.ofNullable(until);
    }

    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().removeIf(f -> f.lockedUntil() != null && !f.lockedUntil().isAfter(now));
        }
        record(usernameKey(username), maxFailuresPerUsername, now);
        if (address != null) {
            record(addressKey(address), maxFailuresPerAddress, now);
        }
    }

    /** A successful sign-in clears the username's count; the address keeps its count, others may be guessing from it. */
    public void recordSuccess(String username) {
        failures.remove(usernameKey(username));
    }

    private void record(String key, int limit, Instant now) {
        failures.compute(key, (k, old) -> {
            int count = old == null || (old.lockedUntil() != null && !old.lockedUntil().isAfter(now)) ? 1 : old.count() + 1;
            return new Failures(count, count >= limit ? now.plus(lockDuration) : null);
        });
    }

    private static String[] keys(String username, String address) {
        return address == null ? new String[] {usernameKey(username)} : new String[] {usernameKey(username), addressKey(address)};
    }

    private static String usernameKey(String username) {
        return "user:" + (username == null ? "" : username);
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
