-- PLACEHOLDER until issue 15's migration (branch wip-15-server) is merged: the audit log only, as
-- server/auth/audit-log.sql has it, so that 0003 can be applied and tested. The merge takes theirs.

-- The audit log and what keeps it append-only (issue 15). For the lead to turn into a numbered
-- migration; the table's columns follow AuditEntry in audit.ts.

CREATE TABLE audit_log (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at              timestamptz NOT NULL DEFAULT now(),
  actor_id        text,
  actor_username  text,
  action          text NOT NULL,
  target_kind     text,
  target_id       text,
  domain_id       text,
  before          jsonb,
  after           jsonb,
  address         text,
  request_id      text NOT NULL
);

-- The admin view reads newest first, filtered by domain, by user and by date.
CREATE INDEX audit_log_at ON audit_log (at DESC);
CREATE INDEX audit_log_domain_at ON audit_log (domain_id, at DESC);
CREATE INDEX audit_log_actor_at ON audit_log (actor_id, at DESC);

-- Rows go in and never change or leave, whatever the application asks: UPDATE, DELETE and TRUNCATE
-- raise. (The table's owner could still drop the triggers; where the app connects as its own
-- role, also REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM that role.)
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
