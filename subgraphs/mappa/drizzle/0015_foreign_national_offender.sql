-- A.R38, C.72 (issue 12): whether the MAPPA unit records the person as a foreign national offender. Cases
-- recorded before hold no such record and default to false: the Home Office reaches them only once the
-- co-ordinator records it (fail closed), as the seed does from the MAPPA A.
ALTER TABLE "mappa"."mappa_case" ADD COLUMN "foreign_national" boolean DEFAULT false NOT NULL;