package dev.optimlab.app;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.optimlab.course.Lang;
import dev.optimlab.security.CurrentUser;
import dev.optimlab.security.UserAccount;
import org.springframework.stereotype.Component;

/**
 * Speaks a signed-in user's chosen UI language from the first page after sign-in, on any browser: each new page
 * (a new Vaadin UI) takes the account's language before its view is built. Guests keep the browser's language or
 * the one they switched to in this session.
 */
@Component
class AccountLanguage implements VaadinServiceInitListener {

    private final CurrentUser currentUser;

    AccountLanguage(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> apply(init.getUI()));
    }

    /** Sets the session's language to the account's, when the user has chosen one and it differs. */
    void apply(UI ui) {
        currentUser.current().flatMap(UserAccount::uiLanguage).map(Lang::of).ifPresent(lang -> {
            if (Lang.of(ui.getLocale()) != lang) {
                ui.getSession().setLocale(lang.locale());
            }
        });
    }
}
