-- Minutes, decision and action state transitions the database enforces (filled in by the minutes and actions workflow).
SELECT 1;
