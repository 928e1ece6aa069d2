package dev.optimlab.app;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;

/** The admin's "back up now" button and the list of backups, beside the {@code optimlab backup} command. */
@Route("admin/backups")
@RolesAllowed("ADMIN")
class BackupView extends Div implements HasDynamicTitle {

    final Button backupButton = new Button();
    final Paragraph status = new Paragraph();
    final UnorderedList backups = new UnorderedList();
    private final DatabaseBackups databaseBackups;

    BackupView(DatabaseBackups databaseBackups) {
        this.databaseBackups = databaseBackups;
        addClassNames("ol-page");
        add(new H1(getTranslation("backup.title")));
        add(new Paragraph(getTranslation("backup.intro", databaseBackups.folder().toString())));
        backupButton.setText(getTranslation("backup.now"));
        backupButton.addClickListener(e -> backUp());
        add(backupButton, status, backups);
        showBackups();
    }

    private void backUp() {
        try {
            Path file = databaseBackups.backupNow();
            status.setText(getTranslation("backup.done", file.getFileName().toString()));
        } catch (RuntimeException e) {
            status.setText(getTranslation("backup.failed", e.getMessage()));
        }
        showBackups();
    }

    private void showBackups() {
        backups.removeAll();
        for (Path file : databaseBackups.list()) {
            backups.add(new ListItem(file.getFileName().toString()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("backup.title") + " · OptimLab";
    }
}
