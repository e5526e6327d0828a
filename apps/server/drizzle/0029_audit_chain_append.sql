-- The audit chain's append in one statement (apps/server/src/platform/platform.audit.service.ts): its global lock is
-- held from this call to COMMIT, so every round trip saved under it is one that writes from all workers queue behind.
-- pgcrypto's digest() computes the chain's SM3 in the database where it can be had; where not (PGlite loads no
-- extensions, a role without CREATE on the database), the function hands back the head and the server hashes.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pgcrypto') THEN
    CREATE EXTENSION IF NOT EXISTS pgcrypto;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  NULL;
END;
$$;
--> statement-breakpoint
-- entries: the rows to append, in order, as the server built them: userId, username, orgId, action, entity, entityId,
-- before, after, ip, and tail: the canonical JSON of the hashed fields after id and time, without the opening '['
-- (platform.audit.service.ts, chainTail). Takes the chain's transaction-level advisory lock, then reads the head
-- (a new statement, so a new snapshot: it sees the rows of whoever held the lock before). With digest(): chains and
-- inserts the rows and returns null. Without: reserves their ids and returns {ids, at, prev} for the server to chain.
CREATE OR REPLACE FUNCTION audit_chain_append(entries jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  seq text := pg_get_serial_sequence('audit_log', 'id');
  stamp timestamptz := date_trunc('milliseconds', now());
  stamp_text text := to_char(stamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  head text;
  next_id bigint;
  next_hash text;
  e jsonb;
BEGIN
  PERFORM pg_advisory_xact_lock(7377312253339853940); -- 0x66617a6861756474, "fazhaudt"
  SELECT hash INTO head FROM audit_log ORDER BY id DESC LIMIT 1;
  IF to_regprocedure('digest(bytea,text)') IS NULL THEN
    RETURN jsonb_build_object(
      'ids', (SELECT jsonb_agg(nextval(seq) ORDER BY g) FROM generate_series(1, jsonb_array_length(entries)) g),
      'at', stamp_text,
      'prev', head);
  END IF;
  head := coalesce(head, repeat('0', 64));
  FOR e IN SELECT value FROM jsonb_array_elements(entries) WITH ORDINALITY ORDER BY ordinality LOOP
    next_id := nextval(seq);
    next_hash := encode(digest(convert_to(
      head || E'\n[' || next_id || ',"' || stamp_text || '",' || (e->>'tail'), 'UTF8'), 'sm3'), 'hex');
    INSERT INTO audit_log (id, at, user_id, username, org_id, action, entity, entity_id, before, after, ip, prev_hash, hash)
    VALUES (next_id, stamp, (e->>'userId')::int, e->>'username', (e->>'orgId')::int, e->>'action', e->>'entity',
            e->>'entityId', nullif(e->'before', 'null'), nullif(e->'after', 'null'), e->>'ip', head, next_hash);
    head := next_hash;
  END LOOP;
  RETURN NULL;
END;
$$;
