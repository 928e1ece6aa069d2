package dev.optimlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;
import dev.optimlab.course.Lang;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import dev.optimlab.security.ui.LoginView;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest(classes = Application.class)
class MainLayoutTest extends SpringBrowserlessTest {

    @Autowired
    UserAccountRepository accounts;

    @Test
    @WithAnonymousUser
    @DisplayName("for a guest the header offers to sign in or create an account")
    void guestIsOfferedSignIn() {
        navigate("", Component.class);
        MainLayout layout = find(MainLayout.class).single();
        assertThat(find(Anchor.class, layout.account).all()).extracting(Anchor::getText, Anchor::getHref)
                .containsExactly(tuple("Sign in", "login"), tuple("Create account", "register"));
        assertThat(find(Button.class, layout.account).all()).isEmpty();
    }

    @Test
    @WithMockUser(username = "layout-ada")
    @DisplayName("for a signed-in learner the header shows the display name, linked to the profile, and a sign-out button instead")
    void signedInSeesNameAndSignOut() {
        if (accounts.findByUsername("layout-ada").isEmpty()) {
            accounts.save(new UserAccount("layout-ada", "Ada Lovelace", "{noop}unused-password", Role.LEARNER, Instant.now()));
        }
        // the layout of the initial navigation predates the account; a page without it makes the next one build anew
        navigate(LoginView.class);
        navigate("", Component.class);
        MainLayout layout = find(MainLayout.class).single();
        assertThat(find(Anchor.class, layout.account).all()).extracting(Anchor::getText, Anchor::getHref)
                .containsExactly(tuple("Ada Lovelace", "profile"));
        assertThat(find(Button.class, layout.account).single().getText()).isEqualTo("Sign out");
    }

    private UserAccount ensure(String username) {
        return accounts.findByUsername(username).orElseGet(() ->
                accounts.save(new UserAccount(username, username, "{noop}unused-password", Role.LEARNER, Instant.now())));
    }

    @Nested
    @DisplayName("Preferences remembered per user")
    class Preferences {

        @Autowired
        AccountLanguage accountLanguage;

        @Test
        @WithMockUser(username = "prefs-dark")
        @DisplayName("a signed-in user's dark choice is stored in their account and opens every later page dark")
        void darkModeFollowsTheAccount() {
            ensure("prefs-dark");
            navigate(LoginView.class);
            navigate("", Component.class);
            MainLayout layout = find(MainLayout.class).single();
            assertThat(layout.darkMode.isDark()).isFalse();
            test(layout.darkMode).click();
            assertThat(accounts.findByUsername("prefs-dark").orElseThrow().prefersDark()).contains(true);

            // a page load in another browser builds a new layout; the account, not that browser, decides
            navigate(LoginView.class);
            navigate("", Component.class);
            assertThat(find(MainLayout.class).single().darkMode.isDark()).isTrue();
            test(find(MainLayout.class).single().darkMode).click();
            assertThat(accounts.findByUsername("prefs-dark").orElseThrow().prefersDark()).contains(false);
        }

        @Test
        @WithMockUser(username = "prefs-zh")
        @DisplayName("a signed-in user's language switch is stored in their account and a new page takes it before its view is built")
        void languageFollowsTheAccount() {
            ensure("prefs-zh");
            navigate(LoginView.class);
            navigate("", Component.class);
            find(MainLayout.class).single().switchLanguage(Lang.ZH);
            assertThat(accounts.findByUsername("prefs-zh").orElseThrow().uiLanguage()).contains(Locale.SIMPLIFIED_CHINESE);

            VaadinSession.getCurrent().setLocale(Locale.ENGLISH);
            accountLanguage.apply(UI.getCurrent());
            assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
            navigate(LoginView.class);
            navigate("", Component.class);
            MainLayout layout = find(MainLayout.class).single();
            assertThat(layout.languageSwitch.getValue()).isEqualTo(Lang.ZH);
            assertThat(find(Button.class, layout.account).single().getText()).isEqualTo("退出登录");
            VaadinSession.getCurrent().setLocale(Locale.ENGLISH);
        }

        @Test
        @WithMockUser(username = "prefs-unset")
        @DisplayName("a user who never chose keeps the session's language and the browser's colour scheme")
        void noChoiceLeavesTheBrowserToDecide() {
            UserAccount account = ensure("prefs-unset");
            assertThat(account.uiLanguage()).isEmpty();
            assertThat(account.prefersDark()).isEmpty();
            VaadinSession.getCurrent().setLocale(Locale.ENGLISH);
            accountLanguage.apply(UI.getCurrent());
            assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.ENGLISH);
        }

        @Test
        @WithMockUser(username = "layout-admin", roles = {"LEARNER", "INSTRUCTOR", "ADMIN"})
        @DisplayName("an admin's drawer lists the users, backups and site settings pages")
        void adminNavigation() {
            if (accounts.findByUsername("layout-admin").isEmpty()) {
                accounts.save(new UserAccount("layout-admin", "layout-admin", "{noop}unused-password", Role.ADMIN, Instant.now()));
            }
            navigate(LoginView.class);
            navigate("", Component.class);
            MainLayout layout = find(MainLayout.class).single();
            SideNav admin = find(SideNav.class, layout).all().stream().filter(nav -> "admin-nav".equals(nav.getId().orElse(null)))
                    .findFirst().orElseThrow();
            assertThat(admin.getItems()).extracting(SideNavItem::getLabel, SideNavItem::getPath)
                    .containsExactly(tuple("Users", "admin/users"), tuple("Backups", "admin/backups"),
                            tuple("Site settings", "admin/settings"));
        }

        @Test
        @WithMockUser(username = "layout-ada")
        @DisplayName("a learner's drawer has no administration section")
        void noAdminNavigationForLearners() {
            if (accounts.findByUsername("layout-ada").isEmpty()) {
                accounts.save(new UserAccount("layout-ada", "Ada Lovelace", "{noop}unused-password", Role.LEARNER, Instant.now()));
            }
            navigate(LoginView.class);
            navigate("", Component.class);
            assertThat(find(SideNav.class, find(MainLayout.class).single()).all())
                    .noneMatch(nav -> "admin-nav".equals(nav.getId().orElse(null)));
        }
    }
}
