-- 0001-initial.sql — the portfolio: reference data, organisations, projects
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Run by the store inside the migration transaction when user_version < 1.
-- Conventions: every table is STRICT; money is INTEGER euro cents (>= 0);
-- rates are INTEGER basis points; dates are ISO 8601 TEXT ('2021-02-09', or
-- NULL when unknown) and must be real calendar dates (date (julianday (d)) IS d
-- refuses "2021-02-30", which date () alone lets through); enumerations are
-- stored by their stable ids (hs-enums.h), checked with IN (...). Rows that
-- make up a list keep their order in a position column.

PRAGMA application_id = 1213418325;  -- 0x48534B55, "HSKU": a Hankesalkku database

CREATE TABLE programme (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,
  first_year      INTEGER NOT NULL CHECK (first_year BETWEEN 2000 AND 2100),
  last_year       INTEGER NOT NULL CHECK (last_year BETWEEN 2000 AND 2100),
  eligible_from   TEXT CHECK (eligible_from IS NULL OR date (julianday (eligible_from)) IS eligible_from),
  eligible_until  TEXT CHECK (eligible_until IS NULL OR date (julianday (eligible_until)) IS eligible_until),
  public_total    INTEGER NOT NULL DEFAULT 0 CHECK (public_total >= 0),
  eu_total        INTEGER NOT NULL DEFAULT 0 CHECK (eu_total >= 0),
  national_total  INTEGER NOT NULL DEFAULT 0 CHECK (national_total >= 0)
) STRICT;

-- Co-financing category of a region: the EU share of public funding.
CREATE TABLE cofinancing_category (
  id           TEXT PRIMARY KEY CHECK (id IN ('more-developed', 'transition')),
  programme_id INTEGER NOT NULL REFERENCES programme (id),
  name         TEXT NOT NULL,
  eu_share_bp  INTEGER NOT NULL CHECK (eu_share_bp BETWEEN 0 AND 10000)
) STRICT;

CREATE TABLE national_theme (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE
) STRICT;

-- ERDF common indicators (Regulation 2021/1058 Annex I).
CREATE TABLE indicator (
  code  TEXT PRIMARY KEY CHECK (code GLOB 'RC[OR][0-9]*'),
  kind  TEXT NOT NULL CHECK (kind IN ('output', 'result')),
  name  TEXT NOT NULL
) STRICT;

CREATE TABLE organisation (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  name         TEXT NOT NULL CHECK (name <> ''),
  business_id  TEXT CHECK (business_id IS NULL OR business_id GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9]'),
  type         TEXT NOT NULL CHECK (type IN ('city', 'municipality', 'university',
                                             'university-of-applied-sciences',
                                             'research-institute', 'company', 'association',
                                             'regional-council', 'state-authority', 'other')),
  municipality TEXT,
  is_foreign   INTEGER NOT NULL DEFAULT 0 CHECK (is_foreign IN (0, 1))
) STRICT;
CREATE UNIQUE INDEX organisation_business_id ON organisation (business_id) WHERE business_id IS NOT NULL;
CREATE INDEX organisation_name ON organisation (name);

CREATE TABLE agreement (
  id                      INTEGER PRIMARY KEY,
  programme_id            INTEGER NOT NULL REFERENCES programme (id),
  region_name             TEXT NOT NULL UNIQUE,
  intermediary_id         INTEGER REFERENCES organisation (id),
  intermediary_confirmed  INTEGER NOT NULL DEFAULT 0 CHECK (intermediary_confirmed IN (0, 1)),
  signed_date             TEXT CHECK (signed_date IS NULL OR date (julianday (signed_date)) IS signed_date),
  end_date                TEXT CHECK (end_date IS NULL OR date (julianday (end_date)) IS end_date),
  programme_area          TEXT,
  cofinancing_category    TEXT NOT NULL REFERENCES cofinancing_category (id),
  indicative_per_year     INTEGER NOT NULL DEFAULT 0 CHECK (indicative_per_year >= 0)
) STRICT;

CREATE TABLE agreement_city (
  agreement_id  INTEGER NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL CHECK (position >= 0),
  name          TEXT NOT NULL,
  PRIMARY KEY (agreement_id, position)
) STRICT, WITHOUT ROWID;

-- A thematic priority of an agreement, optionally for a period of years
-- (0 and 0: the whole agreement period).
CREATE TABLE focus_area (
  id                 INTEGER PRIMARY KEY,
  agreement_id       INTEGER NOT NULL REFERENCES agreement (id),
  name               TEXT NOT NULL,
  first_year         INTEGER NOT NULL DEFAULT 0 CHECK (first_year = 0 OR first_year BETWEEN 2000 AND 2100),
  last_year          INTEGER NOT NULL DEFAULT 0 CHECK (last_year = 0 OR last_year BETWEEN 2000 AND 2100),
  national_theme_id  INTEGER REFERENCES national_theme (id),
  UNIQUE (agreement_id, name, first_year),
  CHECK (first_year = 0 OR last_year = 0 OR first_year <= last_year)
) STRICT;

CREATE TABLE call (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  agreement_id         INTEGER NOT NULL REFERENCES agreement (id),
  name                 TEXT NOT NULL CHECK (name <> ''),
  open_date            TEXT CHECK (open_date IS NULL OR date (julianday (open_date)) IS open_date),
  close_date           TEXT CHECK (close_date IS NULL OR date (julianday (close_date)) IS close_date),
  max_support_bp       INTEGER NOT NULL CHECK (max_support_bp BETWEEN 0 AND 10000),
  min_city_bp          INTEGER NOT NULL CHECK (min_city_bp BETWEEN 0 AND 10000),
  min_own_bp           INTEGER NOT NULL CHECK (min_own_bp BETWEEN 0 AND 10000),
  max_duration_months  INTEGER NOT NULL DEFAULT 0 CHECK (max_duration_months BETWEEN 0 AND 1200),
  -- bit (1 << HsCostModel): flat-40, real, flat-24-2014, flat-15-2014
  allowed_cost_models  INTEGER NOT NULL CHECK (allowed_cost_models BETWEEN 0 AND 15),
  money_available      INTEGER NOT NULL DEFAULT 0 CHECK (money_available >= 0)
) STRICT;
CREATE INDEX call_agreement ON call (agreement_id);

CREATE TABLE project (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  code           TEXT NOT NULL UNIQUE CHECK (code <> ''),
  name_fi        TEXT,
  name_sv        TEXT,
  name_en        TEXT,
  acronym        TEXT,
  agreement_id   INTEGER REFERENCES agreement (id),
  focus_area_id  INTEGER REFERENCES focus_area (id),
  call_id        INTEGER REFERENCES call (id),
  status         TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'under-review', 'approved',
                                                 'rejected', 'ongoing', 'closed', 'withdrawn')),
  start_date     TEXT CHECK (start_date IS NULL
                             OR (date (julianday (start_date)) IS start_date
                                 AND start_date BETWEEN '2000-01-01' AND '2100-12-31')),
  end_date       TEXT CHECK (end_date IS NULL
                             OR (date (julianday (end_date)) IS end_date
                                 AND end_date BETWEEN '2000-01-01' AND '2100-12-31')),
  summary        TEXT,
  cost_model     TEXT NOT NULL CHECK (cost_model IN ('flat-40', 'real', 'flat-24-2014', 'flat-15-2014')),
  example        INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1))
) STRICT;
CREATE INDEX project_agreement ON project (agreement_id);
CREATE INDEX project_focus_area ON project (focus_area_id);
CREATE INDEX project_call ON project (call_id);

-- An organisation's part in a project: one main implementer (päätoteuttaja)
-- at most, any number of partial implementers (osatoteuttajat).
CREATE TABLE implementer (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id       INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL CHECK (position >= 0),
  organisation_id  INTEGER NOT NULL REFERENCES organisation (id),
  is_main          INTEGER NOT NULL CHECK (is_main IN (0, 1)),
  UNIQUE (project_id, position)
) STRICT;
CREATE UNIQUE INDEX implementer_one_main ON implementer (project_id) WHERE is_main = 1;
CREATE INDEX implementer_organisation ON implementer (organisation_id);

-- Implementer × cost category × calendar year → cents. Derived lines (the
-- flat rate) are stored like typed ones, so every total is a sum of rows.
CREATE TABLE budget_line (
  implementer_id  INTEGER NOT NULL REFERENCES implementer (id) ON DELETE CASCADE,
  position        INTEGER NOT NULL CHECK (position >= 0),
  category        TEXT NOT NULL CHECK (category IN ('staff', 'flat-rate', 'purchased-services', 'travel',
                                                    'equipment', 'rent', 'other')),
  year            INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  amount          INTEGER NOT NULL CHECK (amount >= 0),
  derived         INTEGER NOT NULL DEFAULT 0 CHECK (derived IN (0, 1)),
  PRIMARY KEY (implementer_id, position),
  UNIQUE (implementer_id, category, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE financing_line (
  implementer_id  INTEGER NOT NULL REFERENCES implementer (id) ON DELETE CASCADE,
  position        INTEGER NOT NULL CHECK (position >= 0),
  source          TEXT NOT NULL CHECK (source IN ('eu-state', 'city', 'other-public', 'private',
                                                  'own-public', 'own-private')),
  amount          INTEGER NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (implementer_id, position),
  UNIQUE (implementer_id, source)
) STRICT, WITHOUT ROWID;

-- A project's indicator targets, in the indicator's own unit.
CREATE TABLE indicator_target (
  project_id      INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  position        INTEGER NOT NULL CHECK (position >= 0),
  indicator_code  TEXT,            -- an RCO/RCR code; NULL while a draft has none chosen
  target          INTEGER NOT NULL CHECK (target >= 0),
  PRIMARY KEY (project_id, position)
) STRICT, WITHOUT ROWID;

-- The dated status transitions of a project, oldest first.
CREATE TABLE status_change (
  project_id  INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL CHECK (position >= 0),
  status      TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'under-review', 'approved',
                                              'rejected', 'ongoing', 'closed', 'withdrawn')),
  changed_on  TEXT CHECK (changed_on IS NULL OR date (julianday (changed_on)) IS changed_on),
  PRIMARY KEY (project_id, position)
) STRICT, WITHOUT ROWID;
