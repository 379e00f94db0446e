-- Meeting state transitions the database enforces (filled in by the meeting workflow).
SELECT 1;
