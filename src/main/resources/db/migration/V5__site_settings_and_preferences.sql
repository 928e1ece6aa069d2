-- Site settings an admin changes while the app runs (one row; absent until first saved, so that the
-- optimlab.runs.* properties stay the defaults of a fresh database), and per-account UI preferences.
create table site_settings (
    id                     integer      not null primary key,
    guests_may_run         boolean      not null,
    guest_runs_per_address integer      not null,
    updated_at             timestamp with time zone not null,
    updated_by             varchar(64)  not null,
    constraint site_settings_one_row check (id = 1),
    constraint site_settings_cap_positive check (guest_runs_per_address >= 1)
);

-- null means "not chosen yet": the browser's memory (colour scheme) or its Accept-Language (language) decides.
alter table users add column color_scheme varchar(5);
alter table users add column ui_language varchar(16);
