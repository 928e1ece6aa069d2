package dev.optimlab.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.optimlab.security.AccountException;
import dev.optimlab.security.AccountService;
import dev.optimlab.security.ApiToken;
import dev.optimlab.security.ApiTokens;
import dev.optimlab.security.CurrentUser;
import dev.optimlab.security.UserAccount;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The signed-in user's own page: display name, password change and personal API tokens. */
@Route("profile")
@PermitAll
public class ProfileView extends VerticalLayout implements HasDynamicTitle {

    final TextField displayName = new TextField();
    final Button saveName = new Button();
    final PasswordField currentPassword = new PasswordField();
    final PasswordField newPassword = new PasswordField();
    final PasswordField confirmation = new PasswordField();
    final Button changePassword = new Button();
    final TextField tokenName = new TextField();
    final Button createToken = new Button();
    final TextField newTokenSecret = new TextField();
    final Grid<ApiToken> tokenGrid = new Grid<>();

    private final AccountService accounts;
    private final ApiTokens tokens;
    private final String username;

    ProfileView(AccountService accounts, ApiTokens tokens, CurrentUser currentUser) {
        this.accounts = accounts;
        this.tokens = tokens;
        UserAccount account = currentUser.current().orElseThrow();
        this.username = account.username();
        setMaxWidth("48rem");

        displayName.setLabel(getTranslation("security.display-name"));
        displayName.setValue(account.displayName());
        saveName.setText(getTranslation("security.profile.save-name"));
        saveName.addClickListener(e -> rename());

        currentPassword.setLabel(getTranslation("security.profile.current-password"));
        newPassword.setLabel(getTranslation("security.profile.new-password"));
        newPassword.setHelperText(getTranslation("security.register.password.help"));
        confirmation.setLabel(getTranslation("security.password.confirm"));
        changePassword.setText(getTranslation("security.profile.change-password"));
        changePassword.addClickListener(e -> changePassword());

        tokenName.setLabel(getTranslation("security.tokens.name"));
        tokenName.setPlaceholder(getTranslation("security.tokens.name.placeholder"));
        createToken.setText(getTranslation("security.tokens.create"));
        createToken.addClickListener(e -> createToken());
        newTokenSecret.setLabel(getTranslation("security.tokens.secret"));
        newTokenSecret.setHelperText(getTranslation("security.tokens.secret.help"));
        newTokenSecret.setReadOnly(true);
        newTokenSecret.setWidthFull();
        newTokenSecret.setVisible(false);
        newTokenSecret.setId("new-token-secret");

        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        tokenGrid.addColumn(ApiToken::name).setHeader(getTranslation("security.tokens.name"));
        tokenGrid.addColumn(t -> t.tokenPrefix() + "…").setHeader(getTranslation("security.tokens.prefix"));
        tokenGrid.addColumn(t -> format.format(t.createdAt())).setHeader(getTranslation("security.tokens.created"));
        tokenGrid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("security.tokens.never") : format.format(t.lastUsedAt()))
                .setHeader(getTranslation("security.tokens.last-used"));
        tokenGrid.addComponentColumn(t -> {
            Button revoke = new Button(getTranslation("security.tokens.revoke"), e -> revoke(t));
            revoke.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            return revoke;
        });
        tokenGrid.setAllRowsVisible(true);
        refreshTokens();

        add(new H1(getTranslation("security.profile.title")), new Paragraph(getTranslation("security.profile.signed-in-as", username)),
                displayName, saveName,
                new H2(getTranslation("security.profile.password")), currentPassword, newPassword, confirmation, changePassword,
                new H2(getTranslation("security.tokens.title")), new Paragraph(getTranslation("security.tokens.intro")),
                tokenName, createToken, newTokenSecret, tokenGrid);
    }

    void rename() {
        try {
            accounts.rename(username, displayName.getValue());
            displayName.setInvalid(false);
            Notification.show(getTranslation("security.profile.name-saved"));
        } catch (AccountException e) {
            displayName.setErrorMessage(getTranslation(AccountProblems.key(e)));
            displayName.setInvalid(true);
        }
    }

    void changePassword() {
        currentPassword.setInvalid(false);
        newPassword.setInvalid(false);
        confirmation.setInvalid(false);
        try {
            accounts.changePassword(username, currentPassword.getValue(), newPassword.getValue(), confirmation.getValue());
        } catch (AccountException e) {
            PasswordField field = switch (e.problem()) {
                case WRONG_PASSWORD -> currentPassword;
                case PASSWORD_MISMATCH -> confirmation;
                default -> newPassword;
            };
            field.setErrorMessage(getTranslation(AccountProblems.key(e)));
            field.setInvalid(true);
            return;
        }
        currentPassword.clear();
        newPassword.clear();
        confirmation.clear();
        Notification.show(getTranslation("security.profile.password-changed"));
    }

    void createToken() {
        String name = tokenName.getValue().isBlank() ? getTranslation("security.tokens.name.placeholder") : tokenName.getValue();
        ApiTokens.Created created = tokens.create(accounts.find(username), name);
        newTokenSecret.setValue(created.secret());
        newTokenSecret.setVisible(true);
        tokenName.clear();
        refreshTokens();
    }

    void revoke(ApiToken token) {
        tokens.revoke(accounts.find(username), token.id());
        refreshTokens();
    }

    private void refreshTokens() {
        tokenGrid.setItems(tokens.list(accounts.find(username)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("security.profile.title") + " · OptimLab";
    }
}
