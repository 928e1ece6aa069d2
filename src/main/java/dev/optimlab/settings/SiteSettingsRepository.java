package dev.optimlab.settings;

import org.springframework.data.jpa.repository.JpaRepository;

/** The site settings row, by its fixed id. */
interface SiteSettingsRepository extends JpaRepository<SiteSettings, Integer> {
}
