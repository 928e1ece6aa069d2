package dev.optimlab.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Spring Security's view of an account ({@code UserDetailsService}, like its {@code JdbcUserDetailsManager}
 * over our own table), used only by the authentication provider. Each role brings the roles below it, so {@code @RolesAllowed("INSTRUCTOR")} admits admins.
 */
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    AccountUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = accounts.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return toUserDetails(account);
    }

    static UserDetails toUserDetails(UserAccount account) {
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .roles(account.role().included().stream().map(Role::name).toArray(String[]::new))
                .disabled(!account.enabled())
                .build();
    }
}
