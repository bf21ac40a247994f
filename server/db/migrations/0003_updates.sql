-- Weekly updates (issue 16, DESIGN.md "Tracking over time"): what a department submits for a domain
-- (填报), its review, the observations and milestone states it brings, and the cycle setting.
-- Observations keep being only added: a new one supersedes the approved one, which stays as history.

CREATE TABLE updates (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id text NOT NULL,
  domain_id text NOT NULL,
  state text NOT NULL CHECK (state IN ('submitted', 'approved', 'returned')),
  -- The account and its username as it was: the audit log and the review queue name the person.
  submitted_by text NOT NULL,
  submitted_by_name text NOT NULL,
  submitted_at timestamptz NOT NULL,
  -- 工作进展 / 存在问题 / 下步打算, or NULL when the update reports figures only.
  narrative jsonb,
  -- The returned update this one resubmits (that one stays on record, returned).
  resubmits bigint REFERENCES updates (id),
  reviewed_by text,
  reviewed_by_name text,
  reviewed_at timestamptz,
  decision text CHECK (decision IN ('approve', 'return')),
  review_comment text,
  FOREIGN KEY (report_id, domain_id) REFERENCES domains (report_id, id),
  CHECK ((state = 'submitted') = (decision IS NULL))
);
-- The review queue (by state), a domain's updates (逾期未报, changes since a date).
CREATE INDEX updates_by_state ON updates (state, submitted_at);
CREATE INDEX updates_by_domain ON updates (report_id, domain_id, submitted_at);

-- The milestone states an update asks for, with the state before (for before → after in review).
CREATE TABLE update_milestones (
  update_id bigint NOT NULL REFERENCES updates (id),
  report_id text NOT NULL,
  domain_id text NOT NULL,
  milestone_id text NOT NULL,
  position integer NOT NULL,
  previous_state text NOT NULL,
  state text NOT NULL,
  note text,
  PRIMARY KEY (update_id, milestone_id),
  FOREIGN KEY (report_id, domain_id, milestone_id) REFERENCES milestones (report_id, domain_id, id)
);

-- Observations: `superseded` (was approved, replaced by a later approval), who entered it by name,
-- when it went live, and the update it came with.
ALTER TABLE observations DROP CONSTRAINT observations_state_check;
ALTER TABLE observations ADD CONSTRAINT observations_state_check
  CHECK (state IN ('submitted', 'approved', 'superseded', 'returned'));
ALTER TABLE observations ADD COLUMN entered_by_name text;
ALTER TABLE observations ADD COLUMN approved_at timestamptz;
ALTER TABLE observations ADD COLUMN update_id bigint REFERENCES updates (id);
CREATE INDEX observations_by_update ON observations (update_id);
-- At most one approved observation per metric: "the latest approved" is a row, and two approvals that
-- race past the application's check lose loudly (a unique violation) instead of both going live.
CREATE UNIQUE INDEX observations_one_approved ON observations (report_id, domain_id, metric_id) WHERE state = 'approved';

ALTER TABLE milestone_states ADD COLUMN update_id bigint REFERENCES updates (id);
ALTER TABLE milestone_states ADD COLUMN approved_at timestamptz;

-- Settings an admin may change; `cycle` is CycleSettings of src/api/tracking-schemas.ts (the weekly
-- deadline, Monday 12:00 district time, and metrics reported monthly or quarterly: GDP quarterly).
CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
INSERT INTO settings (key, value) VALUES
  ('cycle', '{"deadline": {"weekday": 1, "time": "12:00"}, "frequencies": {"economy/gdp": "quarterly"}}');
