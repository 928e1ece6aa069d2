package dev.optimlab.app;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The part of the app that the {@code users} command needs: the database (Flyway, JPA) and the accounts, without
 * the web server, Vaadin (whose auto-configuration needs a web context) or the security chains. Deliberately not a
 * {@code @Configuration}: the web app's component scan must not find it; as a primary source it still configures.
 */
@EnableAutoConfiguration(excludeName = {"com.vaadin.flow.spring.SpringBootAutoConfiguration",
        "com.vaadin.flow.spring.SpringSecurityAutoConfiguration", "com.vaadin.flow.spring.VaadinScopesConfig"})
@AutoConfigurationPackage(basePackages = "dev.optimlab.security")
@ComponentScan(basePackages = "dev.optimlab.security",
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.optimlab\\.security\\.ui\\..*"))
class AccountsOnlyConfiguration {
}
