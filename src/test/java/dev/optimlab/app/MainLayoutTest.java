package dev.optimlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import dev.optimlab.security.ui.LoginView;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
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
    @DisplayName("for a signed-in learner the header shows the display name and a sign-out button instead")
    void signedInSeesNameAndSignOut() {
        if (accounts.findByUsername("layout-ada").isEmpty()) {
            accounts.save(new UserAccount("layout-ada", "Ada Lovelace", "{noop}unused-password", Role.LEARNER, Instant.now()));
        }
        // the layout of the initial navigation predates the account; a page without it makes the next one build anew
        navigate(LoginView.class);
        navigate("", Component.class);
        MainLayout layout = find(MainLayout.class).single();
        assertThat(find(Span.class, layout.account).withId("user-name").single().getText()).isEqualTo("Ada Lovelace");
        assertThat(find(Button.class, layout.account).single().getText()).isEqualTo("Sign out");
        assertThat(find(Anchor.class, layout.account).all()).isEmpty();
    }
}
