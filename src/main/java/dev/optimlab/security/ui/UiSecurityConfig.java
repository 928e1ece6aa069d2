package dev.optimlab.security.ui;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

/**
 * The Vaadin UI's security chain: form login at {@code /login}, session and CSRF as Vaadin and Spring set them up.
 * Guests may read the course, so HTTP requests are let through and each view says who may see it
 * ({@code @AnonymousAllowed}, {@code @PermitAll}, {@code @RolesAllowed}); Vaadin's navigation access control
 * enforces that. It matches every request the API chain (ordered first) leaves.
 */
@Configuration
class UiSecurityConfig {

    static final String LOCKED_QUERY = "locked";

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/webjars/**", "/styles/**", "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll());
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?error=" + LOCKED_QUERY));
        http.formLogin(form -> form.failureHandler(failures));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class).anyRequest(url -> url.permitAll()));
        return http.build();
    }
}
