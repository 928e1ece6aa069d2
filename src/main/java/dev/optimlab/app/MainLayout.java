package dev.optimlab.app;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.optimlab.base.ui.DarkModeToggle;
import dev.optimlab.course.Chapter;
import dev.optimlab.course.CourseCatalog;
import dev.optimlab.course.Lang;
import dev.optimlab.security.AccountService;
import dev.optimlab.security.CurrentUser;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import java.util.Optional;

/**
 * The frame around every page: the name, the chapters in a side navigation, the language switch and who is signed
 * in (with sign in / sign out).
 */
@Layout
@AnonymousAllowed
class MainLayout extends AppLayout {

    final SideNav chapterNav = new SideNav();
    final Select<Lang> languageSwitch = new Select<>();
    final DarkModeToggle darkMode;
    final HorizontalLayout account = new HorizontalLayout();

    private final CurrentUser currentUser;
    private final AccountService accounts;

    MainLayout(CourseCatalog catalog, CurrentUser currentUser, AccountService accounts) {
        this.currentUser = currentUser;
        this.accounts = accounts;
        Lang lang = Lang.of(getLocale());

        darkMode = currentUser.username()
                .map(username -> new DarkModeToggle(getTranslation("layout.dark"), accountMemory(username)))
                .orElseGet(() -> new DarkModeToggle(getTranslation("layout.dark")));
        Span name = new Span("OptimLab");
        name.addClassNames("ol-brand");
        languageSwitch.setItems(Lang.values());
        languageSwitch.setItemLabelGenerator(Lang::nativeName);
        languageSwitch.setValue(lang);
        languageSwitch.setAriaLabel(getTranslation("layout.language"));
        languageSwitch.setId("language-switch");
        languageSwitch.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                switchLanguage(e.getValue());
            }
        });
        showAccount(currentUser);
        HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle(), name, languageSwitch, darkMode, account);
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.expand(name);
        navbar.addClassNames("ol-navbar");
        addToNavbar(navbar);

        chapterNav.addItem(new SideNavItem(getTranslation("layout.home"), ""));
        currentUser.current().ifPresent(u -> chapterNav.addItem(u.role() == Role.LEARNER ? new SideNavItem(getTranslation("classroom.nav.join"), "join") : new SideNavItem(getTranslation("classroom.nav.classrooms"), "classrooms")));
        for (Chapter chapter : catalog.course().chapters()) {
            chapterNav.addItem(new SideNavItem(chapter.number() + ". " + chapter.title().get(lang), "chapters/" + chapter.slug()));
        }
        addToDrawer(chapterNav, toolNav());
        if (currentUser.hasRole(Role.ADMIN)) {
            addToDrawer(adminNav());
        }
        setPrimarySection(Section.DRAWER);
    }

    private void showAccount(CurrentUser currentUser) {
        account.setId("account");
        account.setAlignItems(FlexComponent.Alignment.CENTER);
        account.addClassNames("ol-account");
        Optional<UserAccount> user = currentUser.current();
        if (user.isPresent()) {
            Anchor userName = new Anchor("profile", user.get().displayName());
            userName.setId("user-name");
            userName.setTitle(getTranslation("security.layout.profile"));
            if (user.get().mustChangePassword()) {
                Anchor choosePassword = new Anchor("profile", getTranslation("security.layout.choose-password"));
                choosePassword.setId("choose-password");
                account.add(choosePassword);
            }
            if (user.get().role().included().contains(Role.ADMIN)) {
                Anchor admin = new Anchor("admin/users", getTranslation("security.layout.admin"));
                admin.setId("admin-users");
                account.add(admin);
            }
            Button signOut = new Button(getTranslation("security.layout.signout"), e -> currentUser.logout());
            signOut.setId("sign-out");
            signOut.addThemeVariants(ButtonVariant.TERTIARY);
            account.add(userName, signOut);
        } else {
            Anchor signIn = new Anchor("login", getTranslation("security.layout.signin"));
            signIn.setId("sign-in");
            Anchor register = new Anchor("register", getTranslation("security.layout.register"));
            register.setId("register");
            account.add(signIn, register);
        }
    }

    /** The interactive tools, under the chapters. */
    private SideNav toolNav() {
        SideNav tools = new SideNav(getTranslation("tools.nav.label"));
        tools.addItem(new SideNavItem(getTranslation("tools.nav.paths"), "tools/paths"),
                new SideNavItem(getTranslation("tools.nav.schedules"), "tools/schedules"),
                new SideNavItem(getTranslation("tools.nav.lrfinder"), "tools/lr-finder"));
        return tools;
    }

    /** The admin's pages, for admins only. */
    private SideNav adminNav() {
        SideNav admin = new SideNav(getTranslation("settings.nav.label"));
        admin.setId("admin-nav");
        admin.addItem(new SideNavItem(getTranslation("settings.nav.users"), "admin/users"),
                new SideNavItem(getTranslation("settings.nav.backups"), "admin/backups"),
                new SideNavItem(getTranslation("settings.nav.settings"), "admin/settings"));
        return admin;
    }

    /** A signed-in user's colour scheme lives in their account, so it follows them to any browser. */
    private DarkModeToggle.AccountMemory accountMemory(String username) {
        return new DarkModeToggle.AccountMemory() {
            @Override
            public Optional<Boolean> recall() {
                return currentUser.current().flatMap(UserAccount::prefersDark);
            }

            @Override
            public void remember(boolean dark) {
                accounts.rememberColorScheme(username, dark);
            }
        };
    }

    /** Switches the session's language; a signed-in user's account remembers it for their next sign-in anywhere. */
    void switchLanguage(Lang lang) {
        currentUser.username().ifPresent(username -> accounts.rememberLanguage(username, lang.locale()));
        VaadinSession.getCurrent().setLocale(lang.locale());
        UI.getCurrent().getPage().reload();
    }
}
