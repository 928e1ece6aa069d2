package dev.optimlab.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.optimlab.security.AccountException;
import dev.optimlab.security.AccountService;
import org.springframework.security.core.AuthenticationException;

/** Creating a learner account (username, display name, password twice), then signing in with it at once. */
@Route("register")
@AnonymousAllowed
public class RegisterView extends VerticalLayout implements HasDynamicTitle {

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final PasswordField password = new PasswordField();
    final PasswordField confirmation = new PasswordField();
    final Button create = new Button();

    private final AccountService accounts;
    private final FormSignIn signIn;

    RegisterView(AccountService accounts, FormSignIn signIn) {
        this.accounts = accounts;
        this.signIn = signIn;
        addClassNames("ol-account-form");
        setMaxWidth("28rem");
        username.setLabel(getTranslation("security.username"));
        username.setHelperText(getTranslation("security.register.username.help"));
        username.setId("register-username");
        username.setRequired(true);
        displayName.setLabel(getTranslation("security.display-name"));
        displayName.setId("register-display-name");
        displayName.setRequired(true);
        password.setLabel(getTranslation("security.password"));
        password.setHelperText(getTranslation("security.register.password.help"));
        password.setId("register-password");
        password.setRequired(true);
        confirmation.setLabel(getTranslation("security.password.confirm"));
        confirmation.setId("register-confirmation");
        confirmation.setRequired(true);
        create.setText(getTranslation("security.register.submit"));
        create.setId("create-account");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        create.addClickListener(e -> register());
        for (TextField field : new TextField[] {username, displayName}) {
            field.setWidthFull();
        }
        password.setWidthFull();
        confirmation.setWidthFull();
        add(new H1(getTranslation("security.register.title")), username, displayName, password, confirmation, create,
                new Anchor("login", getTranslation("security.register.have-account")));
    }

    void register() {
        username.setInvalid(false);
        displayName.setInvalid(false);
        password.setInvalid(false);
        confirmation.setInvalid(false);
        try {
            accounts.register(username.getValue().strip(), displayName.getValue(), password.getValue(), confirmation.getValue());
        } catch (AccountException e) {
            String message = getTranslation(AccountProblems.key(e));
            switch (e.problem()) {
                case USERNAME_INVALID, USERNAME_TAKEN -> invalid(username, message);
                case DISPLAY_NAME_INVALID -> invalid(displayName, message);
                case PASSWORD_MISMATCH -> invalid(confirmation, message);
                default -> invalid(password, message);
            }
            return;
        }
        try {
            signIn.signIn(username.getValue().strip(), password.getValue());
            UI.getCurrent().getPage().setLocation("./");
        } catch (AuthenticationException e) {
            UI.getCurrent().navigate(LoginView.class);
        }
    }

    private static void invalid(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("security.register.title") + " · OptimLab";
    }
}
