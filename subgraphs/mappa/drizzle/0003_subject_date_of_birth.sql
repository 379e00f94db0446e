ALTER TABLE "mappa"."mappa_case" ADD COLUMN "subject_date_of_birth" date;
-- No backfill: the unit's own records hold no date of birth. Existing cases stay null, which under MAPPA_MEETING and DISCLOSURE_DECISION puts them out of scope (fails closed, A.R25, B.10) until the referral's date is recorded or the data is re-seeded.
