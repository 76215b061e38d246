-- Schema version 3: optimistic concurrency and whose actions are whose.
--
-- Every project row carries a version, 1 when it is created and one more at
-- every change (a save, an import, an undo or redo of it). A save names the
-- version it was based on; a save based on an older one is refused, so that
-- nobody writes back a stale copy over someone else's change.
--
-- Every action in the log names the session (one connection of one program)
-- that did it, so that undo takes back the user's own actions only. Actions
-- logged before this version have no session: nobody's to undo.

ALTER TABLE project ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE action_log ADD COLUMN session TEXT;
