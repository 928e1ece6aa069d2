package dev.optimlab.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.optimlab.security.AccountException;
import dev.optimlab.security.AccountService;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import jakarta.annotation.security.RolesAllowed;

/** The admin's list of accounts, where the instructor role is granted and revoked. */
@Route("admin/users")
@RolesAllowed("ADMIN")
public class AdminUsersView extends VerticalLayout implements HasDynamicTitle {

    final Grid<UserAccount> users = new Grid<>();

    private final AccountService accounts;

    AdminUsersView(AccountService accounts) {
        this.accounts = accounts;
        users.addColumn(UserAccount::username).setHeader(getTranslation("security.username")).setSortable(true);
        users.addColumn(UserAccount::displayName).setHeader(getTranslation("security.display-name")).setSortable(true);
        users.addColumn(a -> getTranslation("security.role." + a.role().name().toLowerCase(java.util.Locale.ROOT)))
                .setHeader(getTranslation("security.admin.role")).setSortable(true);
        users.addComponentColumn(this::roleButton);
        users.setAllRowsVisible(true);
        refresh();
        add(new H1(getTranslation("security.admin.title")), users);
    }

    private Component roleButton(UserAccount account) {
        return switch (account.role()) {
            case LEARNER -> button(account, "security.admin.grant", Role.INSTRUCTOR);
            case INSTRUCTOR -> button(account, "security.admin.revoke", Role.LEARNER);
            case ADMIN -> new Span();
        };
    }

    private Button button(UserAccount account, String key, Role newRole) {
        Button button = new Button(getTranslation(key), e -> changeRole(account, newRole));
        button.setId("role-" + account.username());
        return button;
    }

    void changeRole(UserAccount account, Role role) {
        try {
            accounts.changeRole(account.username(), role);
            Notification.show(getTranslation("security.admin.changed", account.username(),
                    getTranslation("security.role." + role.name().toLowerCase(java.util.Locale.ROOT))));
        } catch (AccountException e) {
            Notification.show(getTranslation(AccountProblems.key(e)));
        }
        refresh();
    }

    private void refresh() {
        users.setItems(accounts.all());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("security.admin.title") + " · OptimLab";
    }
}
