-- Referral state transitions the database enforces (filled in by the referral workflow).
SELECT 1;
