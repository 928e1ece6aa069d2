package dev.optimlab.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.page.ColorScheme;
import java.util.Optional;

/**
 * Switches the page between Lumo's light and dark colour schemes and remembers the choice in the browser's local
 * storage, so every page and every later visit opens in it; with an {@link AccountMemory} (a signed-in user) the
 * account's choice wins over the browser's, so it follows the user to any browser. No PyTorch counterpart.
 */
public class DarkModeToggle extends Button {

    static final String STORAGE_KEY = "optimlab.colorScheme";

    /** Where a signed-in user's choice is kept beside the browser's memory. */
    public interface AccountMemory {

        /** The user's stored choice (true for dark); empty until they have chosen. */
        Optional<Boolean> recall();

        void remember(boolean dark);
    }

    private final AccountMemory account;
    private boolean dark;

    /** A toggle that remembers in the browser only, as for a guest. */
    public DarkModeToggle(String label) {
        this(label, null);
    }

    /** A toggle that remembers in the user's account too, and opens in the account's choice when there is one. */
    public DarkModeToggle(String label, AccountMemory account) {
        this.account = account;
        addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        setAriaLabel(label);
        setTooltipText(label);
        setId("dark-mode-toggle");
        show(false);
        addClickListener(click -> {
            setDark(!dark);
            getElement().executeJs("localStorage.setItem($0, $1)", STORAGE_KEY, dark ? "dark" : "light");
            if (account != null) {
                account.remember(dark);
            }
        });
    }

    public boolean isDark() {
        return dark;
    }

    /** Applies a colour scheme to the page without remembering it. */
    public void setDark(boolean dark) {
        show(dark);
        getUI().ifPresent(ui -> ui.getPage().setColorScheme(dark ? ColorScheme.Value.DARK : ColorScheme.Value.LIGHT));
    }

    private void show(boolean dark) {
        this.dark = dark;
        setIcon(dark ? VaadinIcon.SUN_O.create() : VaadinIcon.MOON_O.create());
        getElement().setAttribute("aria-pressed", String.valueOf(dark));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        Optional<Boolean> chosen = account != null ? account.recall() : Optional.empty();
        if (chosen.isPresent()) {
            setDark(chosen.get());
            return;
        }
        UI ui = event.getUI();
        ui.getPage().executeJs("return localStorage.getItem($0)", STORAGE_KEY).then(String.class, stored -> {
            if ("dark".equals(stored) != dark) {
                setDark("dark".equals(stored));
            }
        });
    }
}
