-- Schema version 3: optimistic concurrency and whose actions are whose.
--
-- Every project row carries a version, 1 when it is created and one more at
-- every change (a save, an import, an undo or redo of it). A save names the
-- version it was based on; a save based on an older one is refused, so that
-- nobody writes back a stale copy over someone else's change.
--
-- Every action in the log names who did it ("user@program": the window and
-- the command-line tool are two), so that undo takes back the user's own
-- actions only; actions logged before this version are nobody's to undo.
-- Every item of a project names the version the project had right after
-- the action was last done, undone or redone: undo and redo refuse when the
-- project has changed since.

ALTER TABLE project ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE action_log ADD COLUMN actor TEXT;
ALTER TABLE action_item ADD COLUMN version_after INTEGER;
