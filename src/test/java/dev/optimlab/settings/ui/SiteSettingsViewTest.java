package dev.optimlab.settings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import dev.optimlab.app.Application;
import dev.optimlab.runs.GuestAccess;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import dev.optimlab.settings.SiteSettingsService;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest(classes = Application.class)
@DisplayName("The admin's site settings page")
class SiteSettingsViewTest extends SpringBrowserlessTest {

    @Autowired
    SiteSettingsService settings;

    @Autowired
    UserAccountRepository accounts;

    @AfterEach
    void backToDefaults() {
        settings.restoreDefaults();
    }

    private void ensure(String username, Role role) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.save(new UserAccount(username, username, "{noop}unused-password", role, Instant.now()));
        }
    }

    @Nested
    @DisplayName("for an admin")
    class ForAnAdmin {

        @Test
        @WithMockUser(username = "settings-admin", roles = {"LEARNER", "INSTRUCTOR", "ADMIN"})
        @DisplayName("shows the configured defaults on a fresh database and says they are the defaults")
        void showsDefaults() {
            ensure("settings-admin", Role.ADMIN);
            SiteSettingsView view = navigate(SiteSettingsView.class);
            assertThat(view.guestsMayRun.getValue()).isTrue();
            assertThat(view.guestRunsPerAddress.getValue()).isEqualTo(3);
            assertThat(view.lastChange.getText()).startsWith("Not changed yet");
        }

        @Test
        @WithMockUser(username = "settings-admin", roles = {"LEARNER", "INSTRUCTOR", "ADMIN"})
        @DisplayName("switching guest runs off and saving applies at once, names the admin, and survives a new visit")
        void savesAndAppliesAtOnce() {
            ensure("settings-admin", Role.ADMIN);
            SiteSettingsView view = navigate(SiteSettingsView.class);
            test(view.guestsMayRun).click();
            assertThat(view.guestRunsPerAddress.isEnabled()).isFalse();
            test(view.save).click();
            assertThat(view.status.getText()).isEqualTo("Saved. The next guest Run follows these settings.");
            assertThat(settings.guestAccess()).isEqualTo(new GuestAccess(false, 3));
            assertThat(view.lastChange.getText()).startsWith("Last changed by settings-admin on ");

            SiteSettingsView again = navigate(SiteSettingsView.class);
            assertThat(again.guestsMayRun.getValue()).isFalse();
        }

        @Test
        @WithMockUser(username = "settings-admin", roles = {"LEARNER", "INSTRUCTOR", "ADMIN"})
        @DisplayName("changes the per-address cap, and refuses an empty cap with a message instead of saving it")
        void changesCap() {
            ensure("settings-admin", Role.ADMIN);
            SiteSettingsView view = navigate(SiteSettingsView.class);
            test(view.guestRunsPerAddress).setValue(12);
            test(view.save).click();
            assertThat(settings.guestAccess()).isEqualTo(new GuestAccess(true, 12));

            view.guestRunsPerAddress.clear();
            test(view.save).click();
            assertThat(view.guestRunsPerAddress.isInvalid()).isTrue();
            assertThat(view.guestRunsPerAddress.getErrorMessage()).isEqualTo("Enter a whole number from 1 to 500.");
            assertThat(settings.guestAccess()).isEqualTo(new GuestAccess(true, 12));
        }

        @Test
        @WithMockUser(username = "settings-admin", roles = {"LEARNER", "INSTRUCTOR", "ADMIN"})
        @DisplayName("goes back to the configured defaults on request")
        void restoresDefaults() {
            ensure("settings-admin", Role.ADMIN);
            settings.changeGuestAccess(false, 8, "settings-admin");
            SiteSettingsView view = navigate(SiteSettingsView.class);
            assertThat(view.guestsMayRun.getValue()).isFalse();
            test(view.restoreDefaults).click();
            assertThat(view.guestsMayRun.getValue()).isTrue();
            assertThat(view.guestRunsPerAddress.getValue()).isEqualTo(3);
            assertThat(settings.saved()).isEmpty();
        }
    }

    @Nested
    @DisplayName("for anyone else")
    class ForOthers {

        @Test
        @WithMockUser(username = "settings-learner", roles = "LEARNER")
        @DisplayName("a learner cannot open it")
        void learnerIsKeptOut() {
            ensure("settings-learner", Role.LEARNER);
            UI.getCurrent().navigate(SiteSettingsView.class);
            assertThat(getCurrentView()).isNotInstanceOf(SiteSettingsView.class);
        }

        @Test
        @WithMockUser(username = "settings-instructor", roles = {"LEARNER", "INSTRUCTOR"})
        @DisplayName("an instructor cannot open it either")
        void instructorIsKeptOut() {
            ensure("settings-instructor", Role.INSTRUCTOR);
            UI.getCurrent().navigate(SiteSettingsView.class);
            assertThat(getCurrentView()).isNotInstanceOf(SiteSettingsView.class);
        }

        @Test
        @WithAnonymousUser
        @DisplayName("a guest cannot open it")
        void guestIsKeptOut() {
            UI.getCurrent().navigate(SiteSettingsView.class);
            assertThat(getCurrentView()).isNotInstanceOf(SiteSettingsView.class);
        }
    }
}
