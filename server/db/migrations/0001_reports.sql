-- Jindu's first schema: the report as published, with each metric's values as observations so that
-- the weekly updates (a new value supersedes, nothing is overwritten) need no change of shape.
-- Contract fields not modelled as columns are kept in `extra` (JSONB) and served as they are.
-- Enumerations of the contract (qualifier, direction, milestone state) are checked by its zod schemas,
-- not here: a value the contract adds then needs no migration. States internal to the server are.

CREATE TABLE reports (
  id text PRIMARY KEY,
  title text NOT NULL,
  district text NOT NULL,
  city text NOT NULL,
  published_on date NOT NULL,
  year integer NOT NULL,
  extra jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE sections (
  report_id text NOT NULL REFERENCES reports (id),
  id text NOT NULL,
  position integer NOT NULL,
  title text NOT NULL,
  extra jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (report_id, id)
);

CREATE TABLE domains (
  report_id text NOT NULL,
  id text NOT NULL,
  section_id text NOT NULL,
  -- Report order, across sections.
  position integer NOT NULL,
  name text NOT NULL,
  note text,
  extra jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (report_id, id),
  FOREIGN KEY (report_id, section_id) REFERENCES sections (report_id, id)
);

-- A metric's definition; its values are observations.
CREATE TABLE metrics (
  report_id text NOT NULL,
  domain_id text NOT NULL,
  id text NOT NULL,
  position integer NOT NULL,
  label text NOT NULL,
  unit text NOT NULL,
  direction text NOT NULL,
  target jsonb,
  parent_id text,
  extra jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (report_id, domain_id, id),
  FOREIGN KEY (report_id, domain_id) REFERENCES domains (report_id, id),
  FOREIGN KEY (report_id, domain_id, parent_id) REFERENCES metrics (report_id, domain_id, id)
);

-- A metric's value as of a date. Rows are only ever added; the current value is the latest approved.
CREATE TABLE observations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id text NOT NULL,
  domain_id text NOT NULL,
  metric_id text NOT NULL,
  -- numeric: the figure exactly as printed (105.9 stays 105.9).
  value numeric NOT NULL,
  unit text NOT NULL,
  qualifier text NOT NULL,
  as_of date NOT NULL,
  -- false when the report gives no date for the figure and as_of was inferred (as_of_note says how).
  as_of_stated boolean NOT NULL,
  as_of_note text,
  note text,
  basis text,
  source_kind text NOT NULL CHECK (source_kind IN ('report', 'update', 'example')),
  source_quote text,
  source_figure text,
  state text NOT NULL CHECK (state IN ('submitted', 'approved', 'returned')),
  supersedes bigint REFERENCES observations (id),
  -- NULL for the report's own figures, loaded by the seed (accounts come with the next schema).
  entered_by text,
  entered_at timestamptz NOT NULL DEFAULT now(),
  extra jsonb NOT NULL DEFAULT '{}',
  FOREIGN KEY (report_id, domain_id, metric_id) REFERENCES metrics (report_id, domain_id, id)
);
CREATE INDEX observations_by_metric ON observations (report_id, domain_id, metric_id, as_of);

CREATE TABLE milestones (
  report_id text NOT NULL,
  domain_id text NOT NULL,
  id text NOT NULL,
  position integer NOT NULL,
  text text NOT NULL,
  source_quote text NOT NULL,
  extra jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (report_id, domain_id, id),
  FOREIGN KEY (report_id, domain_id) REFERENCES domains (report_id, id)
);

-- A milestone's state from a date on: like observations, a history whose latest approved row is current.
CREATE TABLE milestone_states (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id text NOT NULL,
  domain_id text NOT NULL,
  milestone_id text NOT NULL,
  state text NOT NULL,
  source_kind text NOT NULL CHECK (source_kind IN ('report', 'update', 'example')),
  approval text NOT NULL CHECK (approval IN ('submitted', 'approved', 'returned')),
  entered_by text,
  entered_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (report_id, domain_id, milestone_id) REFERENCES milestones (report_id, domain_id, id)
);
CREATE INDEX milestone_states_by_milestone ON milestone_states (report_id, domain_id, milestone_id);

-- The report's text in reading order (GET …/source) and the figures left out of the data, with why.
CREATE TABLE report_paragraphs (
  report_id text NOT NULL REFERENCES reports (id),
  position integer NOT NULL,
  id text NOT NULL,
  domain_id text,
  kind text NOT NULL,
  text text NOT NULL,
  extra jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (report_id, position),
  UNIQUE (report_id, id)
);

CREATE TABLE report_exclusions (
  report_id text NOT NULL REFERENCES reports (id),
  position integer NOT NULL,
  figure text NOT NULL,
  quote text NOT NULL,
  reason text NOT NULL,
  extra jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (report_id, position)
);

-- Bumped by every transaction that changes what is served: answers cached under one version (ETags,
-- the rendered overview) stay valid until it moves, on every app server sharing the database.
CREATE TABLE data_version (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version bigint NOT NULL
);
INSERT INTO data_version (version) VALUES (1);
