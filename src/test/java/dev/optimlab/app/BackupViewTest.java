package dev.optimlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = Application.class)
@DisplayName("The admin's backup page")
class BackupViewTest extends SpringBrowserlessTest {

    private static Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        dir = Files.createTempDirectory("optimlab-backup-view-test");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("data/optimlab"));
        registry.add("optimlab.backup-dir", () -> dir.resolve("backups").toString());
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    @DisplayName("backs up the running database into a zip that restore turns back into a database with every table")
    void backsUp() throws Exception {
        BackupView view = navigate(BackupView.class);
        test(view.backupButton).click();
        assertThat(view.status.getText()).startsWith("Backed up to optimlab-");
        assertThat(view.backups.getChildren().count()).isEqualTo(1);
        Path zip;
        try (var files = Files.list(dir.resolve("backups"))) {
            zip = files.findFirst().orElseThrow();
        }
        Path restored = dir.resolve("restored");
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(BackupCommand.restore(new String[] {zip.toString(), "--data-dir", restored.toString()}, sink, sink)).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("optimlab") + ";IFEXISTS=TRUE", "sa", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from information_schema.tables where table_schema = 'PUBLIC' and table_name in ('ATTEMPTS', 'USERS')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    @WithMockUser(username = "learner", roles = "LEARNER")
    @DisplayName("is closed to a learner")
    void closedToLearners() {
        assertThatThrownBy(() -> navigate(BackupView.class)).isNotNull();
    }
}
