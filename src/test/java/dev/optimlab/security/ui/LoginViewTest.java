package dev.optimlab.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import dev.optimlab.app.Application;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = Application.class)
class LoginViewTest extends SpringBrowserlessTest {

    private LoginView withQuery(String name, String value) {
        UI.getCurrent().navigate("login", QueryParameters.of(name, value));
        return (LoginView) getCurrentView();
    }

    @Test
    @DisplayName("the form posts to Spring Security's login and links to registration")
    void formPostsToLogin() {
        LoginView view = navigate(LoginView.class);
        assertThat(view.login.getAction()).isEqualTo("login");
        assertThat(view.login.isError()).isFalse();
        assertThat(view.registerLink.getHref()).isEqualTo("register");
    }

    @Test
    @DisplayName("after a failed sign-in the form shows the wrong-password error")
    void showsError() {
        LoginView view = withQuery("error", "");
        assertThat(view.login.isError()).isTrue();
        assertThat(view.shownTexts.getErrorMessage().getTitle()).isEqualTo("Wrong username or password");
    }

    @Test
    @DisplayName("a locked sign-in says that sign-in is paused rather than that the password is wrong")
    void showsLocked() {
        LoginView view = withQuery("error", "locked");
        assertThat(view.login.isError()).isTrue();
        assertThat(view.shownTexts.getErrorMessage().getTitle()).isEqualTo("Too many failed sign-ins");
    }
}
