ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
-- Append-only now covers TRUNCATE too. The one UPDATE let through seals a row written before the hash chain
-- existed: only its two hash columns, only while they are still empty (apps/server/src/platform/audit-chain.ts).
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.hash IS NULL AND NEW.hash IS NOT NULL
       AND (to_jsonb(NEW) - 'hash' - 'prev_hash') = (to_jsonb(OLD) - 'hash' - 'prev_hash') THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION '审计日志只允许追加，不允许修改、删除或清空' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- 三员 hold no business data scope (docs/security.md).
UPDATE users SET data_scope = 'none' WHERE role IN ('sysadmin', 'secadmin', 'auditor');
