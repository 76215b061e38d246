-- Schema version 6: the financing plan per calendar year.
--
-- A financing line is for one source and either one calendar year (the
-- yearly plan: Helsinki, for one, grants its share per calendar year) or,
-- with year 0, the whole project, as every line was before. A source's
-- amount is the sum of its lines; the totals tables keep summing per
-- source.
--
-- SQLite cannot change a UNIQUE constraint: the table is built anew and the
-- rows copied, all undivided (foreign keys are off while a migration runs,
-- and checked after it).

CREATE TABLE financing_line_v6 (
  implementer_id  INTEGER NOT NULL REFERENCES implementer (id) ON DELETE CASCADE,
  position        INTEGER NOT NULL CHECK (position >= 0),
  source          TEXT NOT NULL CHECK (source IN ('eu-state', 'city', 'other-public', 'private',
                                                  'own-public', 'own-private')),
  year            INTEGER NOT NULL DEFAULT 0 CHECK (year = 0 OR year BETWEEN 2000 AND 2100),
  amount          INTEGER NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (implementer_id, position),
  UNIQUE (implementer_id, source, year)
) STRICT, WITHOUT ROWID;

INSERT INTO financing_line_v6 (implementer_id, position, source, year, amount)
  SELECT implementer_id, position, source, 0, amount FROM financing_line;

DROP TABLE financing_line;
ALTER TABLE financing_line_v6 RENAME TO financing_line;
