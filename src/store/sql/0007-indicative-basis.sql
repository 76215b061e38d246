-- Schema version 7: what an agreement's indicative yearly amount counts.
--
-- The sources give it either as EAKR money alone (Kuopio: "indicative EAKR
-- 450 000 €/yr") or as EAKR and state support together (Kokkola 560 000 €,
-- Rovaniemi 150 000 €). The rule that holds a year's approved support to it
-- compares like with like: the EU part of the support (hs-cofinancing.h)
-- against an EAKR-only amount, EU and state support against the other.

ALTER TABLE agreement ADD COLUMN indicative_erdf_only INTEGER NOT NULL DEFAULT 0
  CHECK (indicative_erdf_only IN (0, 1));
UPDATE agreement SET indicative_erdf_only = 1 WHERE region_name = 'Kuopio' AND indicative_per_year = 45000000;
