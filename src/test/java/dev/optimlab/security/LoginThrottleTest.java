package dev.optimlab.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-21T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(5, 8, Duration.ofMinutes(1), clock);

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(username, address);
        }
    }

    @Nested
    @DisplayName("per username")
    class PerUsername {

        @Test
        @DisplayName("four failures leave the username open and the fifth locks it for a minute")
        void fifthFailureLocks() {
            fail("ada", "10.0.0.1", 4);
            assertThat(throttle.lockedUntil("ada", "10.0.0.1")).isEmpty();
            fail("ada", "10.0.0.1", 1);
            assertThat(throttle.lockedUntil("ada", "10.0.0.2")).contains(clock.now.plus(Duration.ofMinutes(1)));
        }

        @Test
        @DisplayName("the lock ends after the lock duration and the count starts again")
        void lockExpires() {
            fail("ada", null, 5);
            clock.now = clock.now.plusSeconds(60);
            assertThat(throttle.lockedUntil("ada", null)).isEmpty();
            fail("ada", null, 1);
            assertThat(throttle.lockedUntil("ada", null)).isEmpty();
        }

        @Test
        @DisplayName("a successful sign-in clears the username's count")
        void successClears() {
            fail("ada", null, 4);
            throttle.recordSuccess("ada");
            fail("ada", null, 4);
            assertThat(throttle.lockedUntil("ada", null)).isEmpty();
        }

        @Test
        @DisplayName("one username's failures do not lock another")
        void othersUnaffected() {
            fail("ada", null, 5);
            assertThat(throttle.lockedUntil("grace", null)).isEmpty();
        }
    }

    @Nested
    @DisplayName("per address")
    class PerAddress {

        @Test
        @DisplayName("failures for many usernames from one address lock the address at its own, higher limit")
        void addressLocksAtItsLimit() {
            for (int i = 0; i < 7; i++) {
                throttle.recordFailure("user" + i, "10.0.0.9");
            }
            assertThat(throttle.lockedUntil("someone", "10.0.0.9")).isEmpty();
            throttle.recordFailure("user7", "10.0.0.9");
            assertThat(throttle.lockedUntil("someone", "10.0.0.9")).isPresent();
            assertThat(throttle.lockedUntil("someone", "10.0.0.10")).isEmpty();
        }
    }

    @Test
    @DisplayName("limits below one are refused")
    void validatesLimits() {
        assertThatThrownBy(() -> new LoginThrottle(0, 5, Duration.ofMinutes(1), clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
