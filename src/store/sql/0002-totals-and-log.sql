-- 0002-totals-and-log.sql — totals kept on write, and the action log
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The totals tables hold what the list and the summaries show, so that no
-- view needs a query per row: the store rewrites a project's rows in the
-- same transaction as the project itself. After this script the store fills
-- them for the projects already in the database (a step in C, because the
-- error and warning counts come from the validation rules in core).
--
-- The action log holds one row per user action, and one item per object it
-- changed, with the object's snapshot before and after (a serialised
-- GVariant; NULL before = created, NULL after = deleted). Undo restores the
-- before snapshots, redo the after snapshots; undone actions are the redo
-- tail, removed by the next new action.

CREATE TABLE project_totals (
  project_id            INTEGER PRIMARY KEY REFERENCES project (id) ON DELETE CASCADE,
  total_costs           INTEGER NOT NULL CHECK (total_costs >= 0),
  eu_state              INTEGER NOT NULL CHECK (eu_state >= 0),
  city                  INTEGER NOT NULL CHECK (city >= 0),
  other_public          INTEGER NOT NULL CHECK (other_public >= 0),
  private               INTEGER NOT NULL CHECK (private >= 0),
  own_public            INTEGER NOT NULL CHECK (own_public >= 0),
  own_private           INTEGER NOT NULL CHECK (own_private >= 0),
  total_financing       INTEGER NOT NULL CHECK (total_financing >= 0),
  partial_implementers  INTEGER NOT NULL CHECK (partial_implementers >= 0),
  errors                INTEGER NOT NULL CHECK (errors >= 0),
  warnings              INTEGER NOT NULL CHECK (warnings >= 0)
) STRICT;

CREATE TABLE project_year_totals (
  project_id   INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  year         INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  total_costs  INTEGER NOT NULL CHECK (total_costs >= 0),
  PRIMARY KEY (project_id, year)
) STRICT, WITHOUT ROWID;

-- Per implementer, for the summary by city (the implementer organisation's
-- home municipality).
CREATE TABLE implementer_totals (
  implementer_id   INTEGER PRIMARY KEY REFERENCES implementer (id) ON DELETE CASCADE,
  total_costs      INTEGER NOT NULL CHECK (total_costs >= 0),
  eu_state         INTEGER NOT NULL CHECK (eu_state >= 0),
  city             INTEGER NOT NULL CHECK (city >= 0),
  other_public     INTEGER NOT NULL CHECK (other_public >= 0),
  private          INTEGER NOT NULL CHECK (private >= 0),
  own_public       INTEGER NOT NULL CHECK (own_public >= 0),
  own_private      INTEGER NOT NULL CHECK (own_private >= 0),
  total_financing  INTEGER NOT NULL CHECK (total_financing >= 0)
) STRICT;

CREATE TABLE action_log (
  id           INTEGER PRIMARY KEY,
  seq          INTEGER NOT NULL UNIQUE CHECK (seq > 0),
  description  TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('create', 'edit', 'status', 'delete', 'batch',
                                             'organisation', 'call')),
  project_id   INTEGER,            -- the project of a one-project action; no FK: it may be gone
  undone       INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  created      TEXT NOT NULL       -- UTC, ISO 8601
) STRICT;
CREATE INDEX action_log_undone ON action_log (undone, seq);

CREATE TABLE action_item (
  action_id  INTEGER NOT NULL REFERENCES action_log (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL CHECK (position >= 0),
  entity     TEXT NOT NULL CHECK (entity IN ('project', 'organisation', 'call')),
  entity_id  INTEGER NOT NULL,
  before     BLOB,
  after      BLOB,
  CHECK (before IS NOT NULL OR after IS NOT NULL),
  UNIQUE (action_id, position)
) STRICT;
