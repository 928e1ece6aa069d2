package dev.optimlab.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The HTTP API's own security chain, ordered before the Vaadin chain: personal API tokens as bearer tokens, no
 * session, no CSRF (no cookie authenticates an API call, so there is nothing to forge), and RFC 9457 problem
 * details for 401 and 403. The OpenAPI description under {@code /api/docs} is public. Absent from the command line,
 * which starts Spring without a web server.
 */
@Configuration
@ConditionalOnWebApplication
class ApiSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/docs", "/api/docs/**").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> unauthorized(request, response,
                                "Send a personal API token (create one on your profile page) as 'Authorization: Bearer <token>'."))
                        .accessDeniedHandler((request, response, e) -> ProblemResponses.write(request, response, 403, "Forbidden",
                                "This token's account may not do this.")));
        return http.build();
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"optimlab\"");
        ProblemResponses.write(request, response, 401, "Unauthorized", detail);
    }
}
