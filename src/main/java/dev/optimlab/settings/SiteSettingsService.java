package dev.optimlab.settings;

import dev.optimlab.runs.GuestAccess;
import dev.optimlab.runs.RunService;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The admin's site settings: reads the saved row once at start-up, answers the run service from memory at each guest
 * submission, and updates that memory when an admin saves, so a change counts at once without a restart. Until an
 * admin saves, the {@code optimlab.runs.*} properties decide. On several app nodes sharing one database, the others
 * see a change at their next restart. No PyTorch counterpart.
 */
@Service
public class SiteSettingsService {

    /** The highest per-address cap the admin page accepts; a whole classroom behind one address fits under it. */
    public static final int MAX_GUEST_RUNS_PER_ADDRESS = 500;

    private final SiteSettingsRepository repository;
    private final Clock clock;
    private final GuestAccess configured;
    private volatile GuestAccess guestAccess;

    @Autowired
    SiteSettingsService(SiteSettingsRepository repository, RunService runs) {
        this(repository, runs, Clock.systemUTC());
    }

    SiteSettingsService(SiteSettingsRepository repository, RunService runs, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.configured = new GuestAccess(runs.settings().guestsEnabled(), runs.settings().guestRunsPerAddress());
        this.guestAccess = saved().map(SiteSettingsService::accessOf).orElse(configured);
        runs.readGuestAccessFrom(this::guestAccess);
    }

    /** What guests may do now: the saved settings, or the properties' defaults when none are saved. */
    public GuestAccess guestAccess() {
        return guestAccess;
    }

    /** The settings as an admin last saved them; empty on a fresh database. */
    public Optional<SiteSettings> saved() {
        return repository.findById(SiteSettings.ONLY_ROW);
    }

    /**
     * Saves guests' access and applies it to the next guest submission.
     *
     * @param admin the username of the admin who changes it, kept beside the row
     * @throws IllegalArgumentException when the cap is outside 1..{@value #MAX_GUEST_RUNS_PER_ADDRESS}
     */
    public GuestAccess changeGuestAccess(boolean enabled, int runsPerAddress, String admin) {
        if (runsPerAddress < 1 || runsPerAddress > MAX_GUEST_RUNS_PER_ADDRESS) {
            throw new IllegalArgumentException("the guest run cap per address is 1 to " + MAX_GUEST_RUNS_PER_ADDRESS
                    + "; got " + runsPerAddress);
        }
        SiteSettings row = saved().orElse(null);
        if (row == null) {
            row = new SiteSettings(enabled, runsPerAddress, clock.instant(), admin);
        } else {
            row.change(enabled, runsPerAddress, clock.instant(), admin);
        }
        // Only a committed row may reach the run service: save() commits before the memory changes.
        GuestAccess changed = accessOf(repository.save(row));
        guestAccess = changed;
        return changed;
    }

    /** Forgets the saved settings, so the {@code optimlab.runs.*} properties decide again. */
    public GuestAccess restoreDefaults() {
        repository.deleteById(SiteSettings.ONLY_ROW);
        guestAccess = configured;
        return configured;
    }

    private static GuestAccess accessOf(SiteSettings row) {
        return new GuestAccess(row.guestsMayRun(), row.guestRunsPerAddress());
    }
}
