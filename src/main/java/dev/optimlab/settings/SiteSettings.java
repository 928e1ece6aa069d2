package dev.optimlab.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * The one row of settings an admin changes while the server runs: whether guests may run code and how many
 * unfinished programs one address may have. No PyTorch counterpart: a site's configuration page.
 */
@Entity
@Table(name = "site_settings")
public class SiteSettings {

    static final int ONLY_ROW = 1;

    @Id
    private Integer id = ONLY_ROW;

    @Column(name = "guests_may_run", nullable = false)
    private boolean guestsMayRun;

    @Column(name = "guest_runs_per_address", nullable = false)
    private int guestRunsPerAddress;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    protected SiteSettings() {
    }

    SiteSettings(boolean guestsMayRun, int guestRunsPerAddress, Instant updatedAt, String updatedBy) {
        change(guestsMayRun, guestRunsPerAddress, updatedAt, updatedBy);
    }

    final void change(boolean guestsMayRun, int guestRunsPerAddress, Instant updatedAt, String updatedBy) {
        this.guestsMayRun = guestsMayRun;
        this.guestRunsPerAddress = guestRunsPerAddress;
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.updatedBy = Objects.requireNonNull(updatedBy, "updatedBy");
    }

    public boolean guestsMayRun() {
        return guestsMayRun;
    }

    public int guestRunsPerAddress() {
        return guestRunsPerAddress;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
