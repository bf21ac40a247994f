-- Accounts, sessions, sign-in failures, display tokens and the append-only audit log (issue 15).
-- Ids are short text minted by sequences: observations' entered_by (text) can hold them, and the
-- audit view and its CSV show ids people can read out. Times are written by the application (its
-- clock, which tests control), never by DEFAULT now().

CREATE SEQUENCE user_ids;
CREATE TABLE users (
  id             text PRIMARY KEY DEFAULT nextval('user_ids')::text,
  -- Lower case (the API's username rule), so the unique index is also case-insensitive.
  username       text NOT NULL UNIQUE CHECK (username = lower(username)),
  password_hash  text NOT NULL,
  role           text NOT NULL CHECK (role IN ('viewer', 'updater', 'reviewer', 'admin')),
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL
);

-- An updater's domains. Domain ids are unique within a report only, so there is no foreign key: the
-- API checks them against the report's domains.
CREATE TABLE user_domains (
  user_id    text NOT NULL REFERENCES users (id),
  domain_id  text NOT NULL,
  PRIMARY KEY (user_id, domain_id)
);

-- observations.entered_by and milestone_states.entered_by (text, NULL for the report's own figures)
-- hold users.id from issue 16 on; a foreign key can join them once every writer is an account.

-- Only the SHA-256 of a session id is kept (server/auth/sessions.ts).
CREATE TABLE sessions (
  id_hash       text PRIMARY KEY,
  user_id       text NOT NULL REFERENCES users (id),
  created_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Failed sign-ins in the throttle's window, shared by every app server on this database. `account` is
-- the name as typed (normalised), so an unknown name is throttled like a real one.
CREATE TABLE sign_in_failures (
  id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account  text NOT NULL,
  address  text,
  at       timestamptz NOT NULL
);
CREATE INDEX sign_in_failures_by_account ON sign_in_failures (account, at);
CREATE INDEX sign_in_failures_by_address ON sign_in_failures (address, at);
CREATE INDEX sign_in_failures_by_at ON sign_in_failures (at);

-- Walls: the link's secret until it is opened, then the cookie's; both only as SHA-256.
CREATE SEQUENCE display_token_ids;
CREATE TABLE display_tokens (
  id                  text PRIMARY KEY DEFAULT nextval('display_token_ids')::text,
  label               text NOT NULL,
  link_secret_hash    text UNIQUE,
  cookie_secret_hash  text UNIQUE,
  issued_at           timestamptz NOT NULL,
  issued_by           text REFERENCES users (id),
  opened_at           timestamptz,
  last_used_at        timestamptz,
  revoked_at          timestamptz
);

-- The audit log: who, what, before and after, when and from where (server/auth/audit.ts).
CREATE TABLE audit_log (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at              timestamptz NOT NULL,
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
