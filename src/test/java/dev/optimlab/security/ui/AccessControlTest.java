package dev.optimlab.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import dev.optimlab.app.Application;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;

/** Who may open the account views, through Vaadin's navigation access control. */
@SpringBootTest(classes = Application.class)
class AccessControlTest extends SpringBrowserlessTest {

    @Autowired
    UserAccountRepository accounts;

    private void ensure(String username, Role role) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.save(new UserAccount(username, username, "{noop}unused-password", role, Instant.now()));
        }
    }

    @Test
    @WithMockUser(username = "access-learner", roles = "LEARNER")
    @DisplayName("a learner cannot open the admin's user list")
    void learnerIsKeptOutOfAdmin() {
        ensure("access-learner", Role.LEARNER);
        UI.getCurrent().navigate(AdminUsersView.class);
        assertThat(getCurrentView()).isNotInstanceOf(AdminUsersView.class);
    }

    @Test
    @WithMockUser(username = "access-instructor", roles = {"LEARNER", "INSTRUCTOR"})
    @DisplayName("an instructor cannot open the admin's user list either")
    void instructorIsKeptOutOfAdmin() {
        ensure("access-instructor", Role.INSTRUCTOR);
        UI.getCurrent().navigate(AdminUsersView.class);
        assertThat(getCurrentView()).isNotInstanceOf(AdminUsersView.class);
    }

    @Test
    @WithAnonymousUser
    @DisplayName("a guest who opens the profile is sent to the login page")
    void guestGoesToLogin() {
        UI.getCurrent().navigate(ProfileView.class);
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }

    @Test
    @WithMockUser(username = "access-admin", roles = {"LEARNER", "INSTRUCTOR", "ADMIN"})
    @DisplayName("an admin sees every account and can make a learner an instructor and back")
    void adminGrantsAndRevokes() {
        ensure("access-admin", Role.ADMIN);
        ensure("access-pupil", Role.LEARNER);
        AdminUsersView view = navigate(AdminUsersView.class);
        assertThat(test(view.users).size()).isEqualTo(accounts.count());
        UserAccount pupil = accounts.findByUsername("access-pupil").orElseThrow();
        view.changeRole(pupil, Role.INSTRUCTOR);
        assertThat(accounts.findByUsername("access-pupil").orElseThrow().role()).isEqualTo(Role.INSTRUCTOR);
        view.changeRole(pupil, Role.LEARNER);
        assertThat(accounts.findByUsername("access-pupil").orElseThrow().role()).isEqualTo(Role.LEARNER);
    }
}
