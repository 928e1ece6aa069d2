package dev.optimlab.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import dev.optimlab.app.Application;
import dev.optimlab.security.AccountService;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = Application.class)
class RegisterViewTest extends SpringBrowserlessTest {

    @Autowired
    AccountService accounts;

    private RegisterView fill(String username, String password, String confirmation) {
        RegisterView view = navigate(RegisterView.class);
        test(view.username).setValue(username);
        test(view.displayName).setValue("Learner");
        test(view.password).setValue(password);
        test(view.confirmation).setValue(confirmation);
        test(view.create).click();
        return view;
    }

    @Test
    @DisplayName("a short password is marked on the password field with the rule")
    void shortPassword() {
        RegisterView view = fill("reg-" + UUID.randomUUID().toString().substring(0, 8), "short", "short");
        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).isEqualTo("A password needs at least 10 characters.");
    }

    @Test
    @DisplayName("two different passwords are marked on the confirmation field")
    void mismatch() {
        RegisterView view = fill("reg-" + UUID.randomUUID().toString().substring(0, 8), "long enough 1", "long enough 2");
        assertThat(view.confirmation.isInvalid()).isTrue();
        assertThat(view.password.isInvalid()).isFalse();
    }

    @Test
    @DisplayName("a taken username is marked on the username field, in Chinese for a Chinese reader")
    void takenUsernameInChinese() {
        String taken = "reg-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.register(taken, "First", "long enough 1", "long enough 1");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        RegisterView view = fill(taken, "long enough 1", "long enough 1");
        assertThat(view.username.isInvalid()).isTrue();
        assertThat(view.username.getErrorMessage()).isEqualTo("这个用户名已被占用，请换一个。");
    }
}
