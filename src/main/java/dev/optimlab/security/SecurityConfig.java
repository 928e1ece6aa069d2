package dev.optimlab.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Web security. Guests may read the course, so HTTP requests are let through and each view says who may see
 * it ({@code @AnonymousAllowed}, {@code @RolesAllowed}); Vaadin's navigation access control enforces that.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/webjars/**", "/styles/**", "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.anyRequest(url -> url.permitAll()));
        return http.build();
    }
}
