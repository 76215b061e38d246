-- Schema version 8: review and funding decisions (docs/domain.md §6).
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Selection criteria: the programme's (call_id NULL; criteria.sql, run right
-- after this script, inserts them) and each call's own refining criteria.
-- One review per project: the reviewers' scores and comments, the funding
-- decisions with the grant of each implementer, the kept versions of the
-- application (a whole project snapshot each, as the action log keeps them)
-- and an open change application. One proposal per call: the steering
-- group's order. The store writes a project's review and a call's proposal
-- whole, each as one undoable action (entities 'review' and 'proposal' of
-- the action log, which is built anew for the new kinds: SQLite cannot
-- change a CHECK constraint).

CREATE TABLE criterion (
  id               INTEGER PRIMARY KEY,
  call_id          INTEGER REFERENCES call (id) ON DELETE CASCADE,   -- NULL: the programme's
  key              TEXT NOT NULL CHECK (length (key) BETWEEN 1 AND 100),
  kind             TEXT NOT NULL CHECK (kind IN ('general', 'content', 'refining', 'horizontal')),
  objective        TEXT,
  name_fi          TEXT,
  name_sv          TEXT,
  name_en          TEXT,
  weight           INTEGER NOT NULL DEFAULT 100 CHECK (weight BETWEEN 0 AND 10000),
  minimum          INTEGER CHECK (minimum IS NULL OR minimum BETWEEN 0 AND 5),
  per_implementer  INTEGER NOT NULL DEFAULT 0 CHECK (per_implementer IN (0, 1)),
  position         INTEGER NOT NULL CHECK (position >= 0),
  CHECK (name_fi IS NOT NULL OR name_sv IS NOT NULL OR name_en IS NOT NULL)
) STRICT;
CREATE UNIQUE INDEX criterion_key ON criterion (COALESCE (call_id, 0), key);

CREATE TABLE review (
  -- deferred, without a cascade: a save rewrites the project's row, and its
  -- review stays; deleting a project deletes its review first
  project_id            INTEGER PRIMARY KEY REFERENCES project (id) DEFERRABLE INITIALLY DEFERRED,
  processing_council    TEXT,
  coordinating_council  TEXT,
  change_open           INTEGER NOT NULL DEFAULT 0 CHECK (change_open IN (0, 1)),
  change_made           TEXT CHECK (change_made IS NULL OR date (julianday (change_made)) IS change_made),
  change_starts         TEXT CHECK (change_starts IS NULL OR date (julianday (change_starts)) IS change_starts),
  change_reason         TEXT,
  CHECK (change_open = 0 OR (change_made IS NOT NULL AND change_starts >= change_made))
) STRICT;

CREATE TABLE review_score (
  project_id       INTEGER NOT NULL REFERENCES review (project_id) ON DELETE CASCADE,
  position         INTEGER NOT NULL CHECK (position >= 0),
  reviewer         TEXT NOT NULL CHECK (length (trim (reviewer)) > 0),
  criterion_id     INTEGER NOT NULL REFERENCES criterion (id),
  organisation_id  INTEGER REFERENCES organisation (id),    -- NULL: the whole application
  score            INTEGER NOT NULL CHECK (score BETWEEN 0 AND 5),
  justification    TEXT NOT NULL,
  written          TEXT NOT NULL,                           -- UTC, ISO 8601
  actor            TEXT,
  PRIMARY KEY (project_id, position)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX review_score_one
  ON review_score (project_id, criterion_id, COALESCE (organisation_id, 0), reviewer);
CREATE INDEX review_score_criterion ON review_score (criterion_id);

CREATE TABLE review_comment (
  project_id  INTEGER NOT NULL REFERENCES review (project_id) ON DELETE CASCADE,
  position    INTEGER NOT NULL CHECK (position >= 0),
  reviewer    TEXT NOT NULL CHECK (length (trim (reviewer)) > 0),
  text        TEXT NOT NULL CHECK (length (trim (text)) > 0),
  written     TEXT NOT NULL,
  actor       TEXT,
  PRIMARY KEY (project_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE decision (
  project_id      INTEGER NOT NULL REFERENCES review (project_id) ON DELETE CASCADE,
  position        INTEGER NOT NULL CHECK (position >= 0),
  kind            TEXT NOT NULL CHECK (kind IN ('grant', 'reject')),
  change          INTEGER NOT NULL CHECK (change IN (0, 1)),
  version         INTEGER NOT NULL CHECK (version > 0),
  number          TEXT,
  decided_on      TEXT NOT NULL CHECK (date (julianday (decided_on)) IS decided_on),
  eligible_from   TEXT CHECK (eligible_from IS NULL OR date (julianday (eligible_from)) IS eligible_from),
  eligible_until  TEXT CHECK (eligible_until IS NULL OR date (julianday (eligible_until)) IS eligible_until),
  conditions      TEXT,
  reason          TEXT,
  decided_by      TEXT,
  recorded        TEXT NOT NULL,
  actor           TEXT,
  -- the decision in force (hs_review_decision_in_force): kept on write, for
  -- the sums of a call's money in SQL
  in_force        INTEGER NOT NULL CHECK (in_force IN (0, 1)),
  granted         INTEGER NOT NULL CHECK (granted >= 0),   -- the sum of its grants
  PRIMARY KEY (project_id, position)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX decision_in_force ON decision (project_id) WHERE in_force = 1;

CREATE TABLE decision_grant (
  project_id         INTEGER NOT NULL,
  decision_position  INTEGER NOT NULL,
  position           INTEGER NOT NULL CHECK (position >= 0),
  organisation_id    INTEGER NOT NULL REFERENCES organisation (id),
  applied            INTEGER NOT NULL CHECK (applied >= 0),
  granted            INTEGER NOT NULL CHECK (granted >= 0 AND granted <= applied),
  PRIMARY KEY (project_id, decision_position, position),
  FOREIGN KEY (project_id, decision_position) REFERENCES decision (project_id, position) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE project_version (
  project_id  INTEGER NOT NULL REFERENCES review (project_id) ON DELETE CASCADE,
  number      INTEGER NOT NULL CHECK (number > 0),
  kind        TEXT NOT NULL CHECK (kind IN ('application', 'approved', 'change')),
  made        TEXT NOT NULL,
  snapshot    BLOB NOT NULL,           -- hs_store_snapshot_encode (hs_project_to_variant ())
  PRIMARY KEY (project_id, number)
) STRICT, WITHOUT ROWID;

CREATE TABLE proposal (
  call_id  INTEGER PRIMARY KEY REFERENCES call (id) ON DELETE CASCADE,
  meeting  TEXT CHECK (meeting IS NULL OR date (julianday (meeting)) IS meeting)
) STRICT;

CREATE TABLE proposal_item (
  call_id     INTEGER NOT NULL REFERENCES proposal (call_id) ON DELETE CASCADE,
  ord         INTEGER NOT NULL CHECK (ord >= 0),        -- the order of the list
  project_id  INTEGER NOT NULL REFERENCES project (id) DEFERRABLE INITIALLY DEFERRED,
  position    INTEGER NOT NULL CHECK (position >= 0),   -- 1, 2, … proposed; 0 not proposed
  reason      TEXT,
  PRIMARY KEY (call_id, ord),
  UNIQUE (call_id, project_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX proposal_item_project ON proposal_item (project_id);

-- The action log with the new kinds and entities.
CREATE TABLE action_log_v8 (
  id           INTEGER PRIMARY KEY,
  seq          INTEGER NOT NULL UNIQUE CHECK (seq > 0),
  description  TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('create', 'edit', 'status', 'delete', 'batch',
                                             'organisation', 'call', 'review', 'proposal', 'criterion')),
  project_id   INTEGER,            -- the project of a one-project action; no FK: it may be gone
  undone       INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  created      TEXT NOT NULL,      -- UTC, ISO 8601
  actor        TEXT
) STRICT;
INSERT INTO action_log_v8 (id, seq, description, kind, project_id, undone, created, actor)
  SELECT id, seq, description, kind, project_id, undone, created, actor FROM action_log;

CREATE TABLE action_item_v8 (
  action_id      INTEGER NOT NULL REFERENCES action_log (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL CHECK (position >= 0),
  entity         TEXT NOT NULL CHECK (entity IN ('project', 'organisation', 'call', 'review', 'proposal',
                                                 'criterion')),
  entity_id      INTEGER NOT NULL,
  before         BLOB,
  after          BLOB,
  version_after  INTEGER,
  CHECK (before IS NOT NULL OR after IS NOT NULL),
  UNIQUE (action_id, position)
) STRICT;
INSERT INTO action_item_v8 (action_id, position, entity, entity_id, before, after, version_after)
  SELECT action_id, position, entity, entity_id, before, after, version_after FROM action_item;

DROP TABLE action_item;
DROP TABLE action_log;
ALTER TABLE action_log_v8 RENAME TO action_log;
ALTER TABLE action_item_v8 RENAME TO action_item;
CREATE INDEX action_log_undone ON action_log (undone, seq);
