package dev.optimlab.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;

/**
 * The sign-in page: Vaadin's {@code LoginForm} posting to Spring Security's form login at {@code /login}, in the
 * reader's language, with a way to create an account or go back to the course as a guest.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    final LoginForm login = new LoginForm();
    final Anchor registerLink = new Anchor("register", "");
    final Anchor guestLink = new Anchor("", "");
    LoginI18n shownTexts;

    public LoginView() {
        addClassNames("ol-login");
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        showTexts(false);
        registerLink.setText(getTranslation("security.login.register"));
        registerLink.setId("register-link");
        guestLink.setText(getTranslation("security.login.guest"));
        Div links = new Div(registerLink, guestLink);
        links.addClassNames("ol-login-links");
        add(login, links);
    }

    private void showTexts(boolean locked) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("security.login.title"));
        i18n.getForm().setUsername(getTranslation("security.username"));
        i18n.getForm().setPassword(getTranslation("security.password"));
        i18n.getForm().setSubmit(getTranslation("security.login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation(locked ? "security.login.locked.title" : "security.login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation(locked ? "security.login.locked.message" : "security.login.error.message"));
        i18n.getErrorMessage().setUsername(getTranslation("security.username.required"));
        i18n.getErrorMessage().setPassword(getTranslation("security.password.required"));
        shownTexts = i18n;
        login.setI18n(i18n);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> error = event.getLocation().getQueryParameters().getParameters().get("error");
        if (error != null) {
            showTexts(error.contains(UiSecurityConfig.LOCKED_QUERY));
            login.setError(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("security.login.title") + " · OptimLab";
    }
}
