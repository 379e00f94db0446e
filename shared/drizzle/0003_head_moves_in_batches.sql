-- Appends are committed in batches (one transaction, one head update for several entries), so a
-- head may now move forward by more than one entry at a time. It still never moves back or to
-- another log; a head moved further than its chain is found by `npm run audit:verify` ("removed").
CREATE OR REPLACE FUNCTION "audit"."refuse_head_rewind"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.log <> OLD.log OR NEW.last_sequence <= OLD.last_sequence THEN
    RAISE EXCEPTION 'an audit log head only moves forward'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
