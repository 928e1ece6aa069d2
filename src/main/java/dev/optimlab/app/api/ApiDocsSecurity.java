package dev.optimlab.app.api;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The OpenAPI description at {@code /api/docs.json} (springdoc's path beside the Swagger UI at {@code /api/docs})
 * is public like the UI, ahead of the API's bearer-token chain, so a client can read how to call the API
 * before it has a token.
 */
@Configuration
@ConditionalOnWebApplication
class ApiDocsSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/docs.json", "/api/docs.json/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
