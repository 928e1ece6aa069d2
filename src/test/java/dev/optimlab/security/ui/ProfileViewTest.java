package dev.optimlab.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import dev.optimlab.app.Application;
import dev.optimlab.security.AccountService;
import dev.optimlab.security.ApiToken;
import dev.optimlab.security.ApiTokens;
import dev.optimlab.security.UserAccountRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest(classes = Application.class)
@WithMockUser(username = ProfileViewTest.USERNAME)
class ProfileViewTest extends SpringBrowserlessTest {

    static final String USERNAME = "profile-owner";
    private static final String PASSWORD = "profile password 1";

    @Autowired
    AccountService accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserAccountRepository repository;

    @BeforeEach
    void account() {
        if (repository.findByUsername(USERNAME).isEmpty()) {
            accounts.register(USERNAME, "Profile Owner", PASSWORD, PASSWORD);
        }
    }

    @Test
    @DisplayName("creating a token shows its secret once and lists it by name and prefix; revoking removes it")
    void createAndRevokeToken() {
        ProfileView view = navigate(ProfileView.class);
        test(view.tokenName).setValue("grading script");
        test(view.createToken).click();
        assertThat(view.newTokenSecret.isVisible()).isTrue();
        String secret = view.newTokenSecret.getValue();
        assertThat(secret).startsWith(ApiTokens.SECRET_PREFIX);
        ApiToken listed = tokens.list(accounts.find(USERNAME)).stream().filter(t -> t.name().equals("grading script")).findFirst()
                .orElseThrow();
        assertThat(secret).startsWith(listed.tokenPrefix());
        assertThat(test(view.tokenGrid).size()).isEqualTo(tokens.list(accounts.find(USERNAME)).size());

        view.revoke(listed);
        assertThat(tokens.authenticate(secret)).isEmpty();
        assertThat(tokens.list(accounts.find(USERNAME))).extracting(ApiToken::name).doesNotContain("grading script");
    }

    @Test
    @DisplayName("a wrong current password is marked on that field and changes nothing")
    void wrongCurrentPassword() {
        ProfileView view = navigate(ProfileView.class);
        test(view.currentPassword).setValue("not my password");
        test(view.newPassword).setValue("another password 2");
        test(view.confirmation).setValue("another password 2");
        test(view.changePassword).click();
        assertThat(view.currentPassword.isInvalid()).isTrue();
        assertThat(view.currentPassword.getErrorMessage()).isEqualTo("This is not your current password.");
    }

    @Test
    @DisplayName("the display name is saved")
    void rename() {
        ProfileView view = navigate(ProfileView.class);
        test(view.displayName).setValue("Renamed Owner");
        test(view.saveName).click();
        assertThat(accounts.find(USERNAME).displayName()).isEqualTo("Renamed Owner");
    }
}
