package dev.optimlab.settings.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.optimlab.runs.GuestAccess;
import dev.optimlab.security.CurrentUser;
import dev.optimlab.settings.SiteSettingsService;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The admin's site settings: whether guests may run code, and how many programs one address may run at once. */
@Route("admin/settings")
@RolesAllowed("ADMIN")
public class SiteSettingsView extends VerticalLayout implements HasDynamicTitle {

    final Checkbox guestsMayRun = new Checkbox();
    final IntegerField guestRunsPerAddress = new IntegerField();
    final Button save = new Button();
    final Button restoreDefaults = new Button();
    final Paragraph status = new Paragraph();
    final Paragraph lastChange = new Paragraph();

    private final SiteSettingsService settings;
    private final CurrentUser currentUser;

    SiteSettingsView(SiteSettingsService settings, CurrentUser currentUser) {
        this.settings = settings;
        this.currentUser = currentUser;
        setMaxWidth("48rem");
        guestsMayRun.setLabel(getTranslation("settings.guests.run"));
        guestsMayRun.setHelperText(getTranslation("settings.guests.run.help"));
        guestsMayRun.setId("guests-may-run");
        guestRunsPerAddress.setLabel(getTranslation("settings.guests.cap"));
        guestRunsPerAddress.setHelperText(getTranslation("settings.guests.cap.help"));
        guestRunsPerAddress.setMin(1);
        guestRunsPerAddress.setMax(SiteSettingsService.MAX_GUEST_RUNS_PER_ADDRESS);
        guestRunsPerAddress.setStepButtonsVisible(true);
        guestRunsPerAddress.setWidth("24em");
        guestRunsPerAddress.setRequired(true);
        guestRunsPerAddress.setId("guest-runs-per-address");
        guestsMayRun.addValueChangeListener(e -> guestRunsPerAddress.setEnabled(e.getValue()));
        save.setText(getTranslation("settings.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-settings");
        save.addClickListener(e -> save());
        restoreDefaults.setText(getTranslation("settings.restore"));
        restoreDefaults.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        restoreDefaults.setId("restore-settings");
        restoreDefaults.addClickListener(e -> {
            show(settings.restoreDefaults());
            status.setText(getTranslation("settings.restored"));
        });
        status.getElement().setAttribute("role", "status");
        show(settings.guestAccess());
        add(new H1(getTranslation("settings.title")), guestsMayRun, guestRunsPerAddress,
                new HorizontalLayout(save, restoreDefaults), status, lastChange);
    }

    void save() {
        Integer cap = guestRunsPerAddress.getValue();
        if (cap == null || cap < 1 || cap > SiteSettingsService.MAX_GUEST_RUNS_PER_ADDRESS) {
            guestRunsPerAddress.setInvalid(true);
            guestRunsPerAddress.setErrorMessage(getTranslation("settings.guests.cap.invalid",
                    SiteSettingsService.MAX_GUEST_RUNS_PER_ADDRESS));
            status.setText("");
            return;
        }
        guestRunsPerAddress.setInvalid(false);
        // Only an admin reaches this view, so a username is always there.
        String admin = currentUser.username().orElseThrow();
        show(settings.changeGuestAccess(guestsMayRun.getValue(), cap, admin));
        status.setText(getTranslation("settings.saved"));
    }

    private void show(GuestAccess access) {
        guestsMayRun.setValue(access.enabled());
        guestRunsPerAddress.setValue(access.runsPerAddress());
        guestRunsPerAddress.setEnabled(access.enabled());
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        lastChange.setText(settings.saved()
                .map(row -> getTranslation("settings.changed", row.updatedBy(), format.format(row.updatedAt())))
                .orElseGet(() -> getTranslation("settings.defaults")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settings.title") + " · OptimLab";
    }
}
