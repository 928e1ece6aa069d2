package dev.optimlab.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How accounts sign in: the password encoder, the login throttle and the authentication provider that both
 * security chains share (the Vaadin chain in {@code security.ui.UiSecurityConfig}, the API chain beside this class).
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    /** bcrypt for new hashes; the {@code {id}} prefix lets older or imported hashes keep working (docs/decisions.md). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LoginThrottle loginThrottle(@Value("${optimlab.security.login.max-failures:5}") int maxFailuresPerUsername,
            @Value("${optimlab.security.login.max-failures-per-address:50}") int maxFailuresPerAddress,
            @Value("${optimlab.security.login.lock:1m}") Duration lock) {
        return new LoginThrottle(maxFailuresPerUsername, maxFailuresPerAddress, lock, Clock.systemUTC());
    }

    @Bean
    AuthenticationProvider authenticationProvider(UserAccountRepository accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new AccountUserDetailsService(accounts));
        passwords.setPasswordEncoder(encoder);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }
}
