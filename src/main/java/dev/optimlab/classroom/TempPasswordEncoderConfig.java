package dev.optimlab.classroom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring Security's DelegatingPasswordEncoder for roster accounts, until the security package provides the
 * application's own encoder bean; this class goes away when it does.
 */
@Configuration
class TempPasswordEncoderConfig {

    @Bean
    PasswordEncoder rosterPasswordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
