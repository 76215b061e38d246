-- Schema version 5: the indirect-cost flat rates of CPR 2021/1060 art. 54.
--
-- A project may use "indirect-7" (indirect costs 7 % of the direct costs)
-- or "indirect-15" (15 % of the direct staff costs) beside the models of
-- version 1. SQLite cannot change a CHECK constraint: the project table is
-- built anew and its rows copied, ids and all (foreign keys are off while a
-- migration runs, and checked after it). The id sequence goes on where it
-- was, so that a deleted project's id, which the undo log keeps, is never
-- given to a new one.

CREATE TEMP TABLE project_sequence_v5 AS SELECT seq FROM sqlite_sequence WHERE name = 'project';

CREATE TABLE project_v5 (
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
  cost_model     TEXT NOT NULL CHECK (cost_model IN ('flat-40', 'real', 'flat-24-2014', 'flat-15-2014',
                                                     'indirect-7', 'indirect-15')),
  example        INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1)),
  version        INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;

INSERT INTO project_v5 (id, code, name_fi, name_sv, name_en, acronym, agreement_id, focus_area_id,
                        call_id, status, start_date, end_date, summary, cost_model, example, version)
  SELECT id, code, name_fi, name_sv, name_en, acronym, agreement_id, focus_area_id,
         call_id, status, start_date, end_date, summary, cost_model, example, version FROM project;

DROP TABLE project;
ALTER TABLE project_v5 RENAME TO project;
CREATE INDEX project_agreement ON project (agreement_id);
CREATE INDEX project_focus_area ON project (focus_area_id);
CREATE INDEX project_call ON project (call_id);
UPDATE sqlite_sequence SET seq = max (seq, (SELECT seq FROM temp.project_sequence_v5))
  WHERE name = 'project' AND EXISTS (SELECT 1 FROM temp.project_sequence_v5);
DROP TABLE temp.project_sequence_v5;
