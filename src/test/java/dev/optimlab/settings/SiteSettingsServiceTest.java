package dev.optimlab.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optimlab.app.Application;
import dev.optimlab.runs.GuestAccess;
import dev.optimlab.runs.Learner;
import dev.optimlab.runs.Program;
import dev.optimlab.runs.PyliteExecutor;
import dev.optimlab.runs.RunMetrics;
import dev.optimlab.runs.RunKind;
import dev.optimlab.runs.RunService;
import dev.optimlab.runs.RunSettings;
import dev.optimlab.runs.SubmitResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = Application.class)
@DisplayName("The site settings service")
class SiteSettingsServiceTest {

    @Autowired
    SiteSettingsService settings;

    @Autowired
    SiteSettingsRepository repository;

    @Autowired
    RunService runs;

    private static SubmitResult.Reason reason(SubmitResult result) {
        return result instanceof SubmitResult.Rejected rejected ? rejected.reason() : null;
    }

    @AfterEach
    void backToDefaults() {
        settings.restoreDefaults();
    }

    @Test
    @DisplayName("on a fresh database answers with the optimlab.runs properties: guests may run, three programs per address")
    void defaultsComeFromProperties() {
        settings.restoreDefaults();
        assertThat(settings.saved()).isEmpty();
        assertThat(settings.guestAccess()).isEqualTo(new GuestAccess(true, 3));
    }

    @Test
    @DisplayName("saves a change in the database with who made it, and the run service refuses the next guest at once")
    void changeReachesRunServiceAtOnce() {
        settings.changeGuestAccess(false, 7, "settings-admin");
        SiteSettings row = repository.findById(SiteSettings.ONLY_ROW).orElseThrow();
        assertThat(row.guestsMayRun()).isFalse();
        assertThat(row.guestRunsPerAddress()).isEqualTo(7);
        assertThat(row.updatedBy()).isEqualTo("settings-admin");
        Learner guest = Learner.guest("settings-guest", "192.0.2.10");
        assertThat(runs.submit(guest, Program.of("print(1)\n"), RunKind.RUN))
                .extracting(SiteSettingsServiceTest::reason).isEqualTo(SubmitResult.Reason.GUESTS_DISABLED);
        assertThat(runs.submit(Learner.member("settings-member"), Program.of("print(1)\n"), RunKind.RUN))
                .isInstanceOf(SubmitResult.Accepted.class);

        settings.changeGuestAccess(true, 1, "settings-admin");
        assertThat(runs.submit(guest, Program.of("while True:\n    pass\n"), RunKind.RUN)).isInstanceOf(SubmitResult.Accepted.class);
        assertThat(runs.submit(Learner.guest("settings-guest-2", "192.0.2.10"), Program.of("print(1)\n"), RunKind.RUN))
                .extracting(SiteSettingsServiceTest::reason).isEqualTo(SubmitResult.Reason.ADDRESS_CAP);
        runs.cancelAllFor(guest);
    }

    @Test
    @DisplayName("after a restart the saved row decides, not the properties")
    void savedRowSurvivesRestart() {
        settings.changeGuestAccess(false, 6, "settings-admin");
        try (RunService restarted = new RunService(RunSettings.defaults().withWorkers(1), new PyliteExecutor(), RunMetrics.NONE)) {
            SiteSettingsService afterRestart = new SiteSettingsService(repository, restarted);
            assertThat(afterRestart.guestAccess()).isEqualTo(new GuestAccess(false, 6));
            assertThat(restarted.submit(Learner.guest("settings-guest", "192.0.2.11"), Program.of("print(1)\n"), RunKind.RUN))
                    .extracting(SiteSettingsServiceTest::reason).isEqualTo(SubmitResult.Reason.GUESTS_DISABLED);
        }
    }

    @Test
    @DisplayName("a second save updates the one row instead of adding another")
    void oneRow() {
        settings.changeGuestAccess(false, 2, "settings-admin");
        settings.changeGuestAccess(true, 4, "settings-other-admin");
        assertThat(repository.count()).isEqualTo(1);
        assertThat(settings.saved().orElseThrow().updatedBy()).isEqualTo("settings-other-admin");
        assertThat(settings.guestAccess()).isEqualTo(new GuestAccess(true, 4));
    }

    @Test
    @DisplayName("refuses a cap below one or above the page's maximum and keeps what was there")
    void refusesBadCaps() {
        settings.changeGuestAccess(true, 5, "settings-admin");
        assertThatThrownBy(() -> settings.changeGuestAccess(true, 0, "settings-admin")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.changeGuestAccess(true, SiteSettingsService.MAX_GUEST_RUNS_PER_ADDRESS + 1, "settings-admin"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(settings.guestAccess()).isEqualTo(new GuestAccess(true, 5));
    }

    @Test
    @DisplayName("restoring the defaults forgets the saved row and lets the properties decide again")
    void restoresDefaults() {
        settings.changeGuestAccess(false, 9, "settings-admin");
        assertThat(settings.restoreDefaults()).isEqualTo(new GuestAccess(true, 3));
        assertThat(settings.saved()).isEmpty();
        assertThat(settings.guestAccess()).isEqualTo(new GuestAccess(true, 3));
    }
}
