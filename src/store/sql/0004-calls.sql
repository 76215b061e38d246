-- Schema version 4: calls as the call notices (hakuilmoitus) say them.
--
-- A call names its intermediary body, its name in Swedish and English
-- beside the Finnish one, its funding instrument (ERDF, the national AKKE
-- start-up money or other national money), the most support one project
-- may get in euros, the city's share at most as well as at least, the
-- number of projects it funds at most, the city's money available beside
-- the EU and state money, and a free-text description. Every limit is 0
-- when the call sets none. The cost models are a bit set of HsCostModel,
-- with room for the models that later versions add.
--
-- SQLite cannot change a CHECK constraint: the table is built anew and the
-- rows copied (foreign keys are off while a migration runs, and checked
-- after it). The id sequence goes on where it was: the undo log keeps the
-- ids of calls it created.

CREATE TEMP TABLE call_sequence_v4 AS SELECT seq FROM sqlite_sequence WHERE name = 'call';

CREATE TABLE call_v4 (
  id                    INTEGER PRIMARY KEY AUTOINCREMENT,
  agreement_id          INTEGER NOT NULL REFERENCES agreement (id),
  name                  TEXT NOT NULL CHECK (name <> ''),
  name_sv               TEXT CHECK (name_sv IS NULL OR name_sv <> ''),
  name_en               TEXT CHECK (name_en IS NULL OR name_en <> ''),
  intermediary          TEXT CHECK (intermediary IS NULL OR intermediary <> ''),
  instrument            TEXT NOT NULL DEFAULT 'eakr' CHECK (instrument IN ('eakr', 'akke', 'national')),
  open_date             TEXT CHECK (open_date IS NULL OR date (julianday (open_date)) IS open_date),
  close_date            TEXT CHECK (close_date IS NULL OR date (julianday (close_date)) IS close_date),
  max_support_bp        INTEGER NOT NULL CHECK (max_support_bp BETWEEN 0 AND 10000),
  max_support           INTEGER NOT NULL DEFAULT 0 CHECK (max_support >= 0),
  min_city_bp           INTEGER NOT NULL CHECK (min_city_bp BETWEEN 0 AND 10000),
  max_city_bp           INTEGER NOT NULL DEFAULT 0 CHECK (max_city_bp BETWEEN 0 AND 10000),
  min_own_bp            INTEGER NOT NULL CHECK (min_own_bp BETWEEN 0 AND 10000),
  max_duration_months   INTEGER NOT NULL DEFAULT 0 CHECK (max_duration_months BETWEEN 0 AND 1200),
  max_projects          INTEGER NOT NULL DEFAULT 0 CHECK (max_projects BETWEEN 0 AND 100000),
  allowed_cost_models   INTEGER NOT NULL CHECK (allowed_cost_models BETWEEN 0 AND 255),
  money_available       INTEGER NOT NULL DEFAULT 0 CHECK (money_available >= 0),
  city_money_available  INTEGER NOT NULL DEFAULT 0 CHECK (city_money_available >= 0),
  description           TEXT,
  CHECK (open_date IS NULL OR close_date IS NULL OR open_date <= close_date),
  CHECK (max_city_bp = 0 OR max_city_bp >= min_city_bp)
) STRICT;

INSERT INTO call_v4 (id, agreement_id, name, open_date, close_date, max_support_bp, min_city_bp,
                     min_own_bp, max_duration_months, allowed_cost_models, money_available)
  SELECT id, agreement_id, name, open_date, close_date, max_support_bp, min_city_bp,
         min_own_bp, max_duration_months, allowed_cost_models, money_available FROM call;

DROP TABLE call;
ALTER TABLE call_v4 RENAME TO call;
CREATE INDEX call_agreement ON call (agreement_id);
CREATE UNIQUE INDEX call_name ON call (agreement_id, name);
UPDATE sqlite_sequence SET seq = max (seq, (SELECT seq FROM temp.call_sequence_v4))
  WHERE name = 'call' AND EXISTS (SELECT 1 FROM temp.call_sequence_v4);
DROP TABLE temp.call_sequence_v4;

-- The default calls set no city share: the programme's 25 % holds for an
-- agreement's projects together (docs/domain.md §2), not for each project,
-- and a call that wants a share per project says so itself. The findings
-- kept with each project's totals are recomputed after this step.
UPDATE call SET min_city_bp = 0 WHERE name LIKE '% — default call';
