-- Governing bodies, their meetings and the register of resolutions (tenant data).
--
-- A resolution's outcome is computed by the application from the votes, the attendance at the
-- moment of the vote and the body's rules, and stored with the figures it was computed from
-- (present, basis, majority, votes needed), so that a later change of the rules never rewrites
-- history. Numbers come from one counter row per body and year, taken with a row lock in the
-- transaction that records the resolution: unique and without gaps, also when two admins record at
-- once (a rolled back transaction gives its number back).

-- Trigram matching for typos and partial words in the search. A trusted extension: the database's
-- owner (who migrates) may create it, on managed PostgreSQL too.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE governing_body (
  id                 uuid NOT NULL PRIMARY KEY,
  tenant_id          text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  name_cs            text NOT NULL CHECK (name_cs <> ''),
  name_en            text NOT NULL CHECK (name_en <> ''),
  kind               text NOT NULL
                     CHECK (kind IN ('ASSEMBLY', 'EXECUTIVE_COMMITTEE', 'CHAMBER', 'COMMITTEE', 'WORKING_GROUP')),
  -- e.g. 'SV/{year}/{n}': {year} and {n} are replaced; unique within the association.
  number_pattern     text NOT NULL CHECK (number_pattern LIKE '%{year}%' AND number_pattern LIKE '%{n}%'),
  quorum_basis       text NOT NULL CHECK (quorum_basis IN ('MEMBERS', 'MEMBER_MUNICIPALITIES')),
  majority           text NOT NULL,
  -- Per resolution type, e.g. 'STATUTES=TWO_THIRDS_OF_ALL,BUDGET=HALF_OF_ALL'.
  majority_overrides text NOT NULL DEFAULT '',
  votes_by_name      boolean NOT NULL DEFAULT false,
  position           integer NOT NULL DEFAULT 0,
  created_at         timestamptz NOT NULL,
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, number_pattern)
);

-- A seat on a body for a term: a named person, for a member municipality (a delegate) or not.
CREATE TABLE body_seat (
  id                uuid NOT NULL PRIMARY KEY,
  tenant_id         text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  body_id           uuid NOT NULL,
  name              text NOT NULL CHECK (name <> ''),
  municipality_code text,
  email             text,
  role              text NOT NULL CHECK (role IN ('CHAIR', 'VICE_CHAIR', 'MEMBER')),
  term_from         date NOT NULL,
  term_to           date,
  CHECK (term_to IS NULL OR term_to >= term_from),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, body_id) REFERENCES governing_body (tenant_id, id)
);
CREATE INDEX body_seat_body ON body_seat (tenant_id, body_id);

-- Times of meetings, arrivals, departures and votes are the association's local civil time.
CREATE TABLE meeting (
  id         uuid NOT NULL PRIMARY KEY,
  tenant_id  text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  body_id    uuid NOT NULL,
  number     integer NOT NULL CHECK (number > 0),
  starts_at  timestamp NOT NULL,
  place      text,
  online_url text,
  invited_at timestamptz,
  created_at timestamptz NOT NULL,
  CHECK (place IS NOT NULL OR online_url IS NOT NULL),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, body_id, number),
  FOREIGN KEY (tenant_id, body_id) REFERENCES governing_body (tenant_id, id)
);
CREATE INDEX meeting_body ON meeting (tenant_id, body_id, starts_at);

CREATE TABLE agenda_item (
  id         uuid NOT NULL PRIMARY KEY,
  tenant_id  text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  meeting_id uuid NOT NULL,
  position   integer NOT NULL CHECK (position > 0),
  title      text NOT NULL CHECK (title <> ''),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, meeting_id, position),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES meeting (tenant_id, id)
);

-- One stay of a seat holder at a meeting: from arrival until departure (open while present). A
-- person who leaves and comes back has two.
CREATE TABLE attendance (
  id         uuid NOT NULL PRIMARY KEY,
  tenant_id  text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  meeting_id uuid NOT NULL,
  seat_id    uuid NOT NULL,
  arrived_at timestamp NOT NULL,
  left_at    timestamp,
  CHECK (left_at IS NULL OR left_at > arrived_at),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES meeting (tenant_id, id),
  FOREIGN KEY (tenant_id, seat_id) REFERENCES body_seat (tenant_id, id)
);
CREATE INDEX attendance_meeting ON attendance (tenant_id, meeting_id);

CREATE TABLE resolution_counter (
  tenant_id text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  body_id   uuid NOT NULL,
  year      integer NOT NULL,
  last      integer NOT NULL CHECK (last > 0),
  PRIMARY KEY (tenant_id, body_id, year),
  FOREIGN KEY (tenant_id, body_id) REFERENCES governing_body (tenant_id, id)
);

CREATE TABLE resolution (
  id              uuid NOT NULL PRIMARY KEY,
  tenant_id       text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  body_id         uuid NOT NULL,
  meeting_id      uuid NOT NULL,
  agenda_item_id  uuid,
  year            integer NOT NULL,
  seq             integer NOT NULL CHECK (seq > 0),
  number          text NOT NULL,
  type            text NOT NULL
                  CHECK (type IN ('GENERAL', 'BUDGET', 'DUES', 'ELECTION', 'STATUTES', 'NOTE')),
  title           text NOT NULL CHECK (title <> ''),
  text            text NOT NULL CHECK (text <> ''),
  voted_at        timestamp NOT NULL,
  votes_for       integer NOT NULL CHECK (votes_for >= 0),
  votes_against   integer NOT NULL CHECK (votes_against >= 0),
  abstained       integer NOT NULL CHECK (abstained >= 0),
  -- What the outcome was computed from, kept as it was at the vote.
  present         integer NOT NULL CHECK (present >= 0),
  basis           integer NOT NULL CHECK (basis > 0),
  quorum          integer NOT NULL CHECK (quorum > 0),
  majority        text NOT NULL,
  needed          integer NOT NULL CHECK (needed > 0),
  outcome         text NOT NULL CHECK (outcome IN ('ADOPTED', 'REJECTED')),
  by_name         boolean NOT NULL,
  visibility      text NOT NULL CHECK (visibility IN ('PUBLIC', 'MEMBERS')),
  -- An earlier resolution this one amends or annuls (once adopted).
  changes_id      uuid,
  change_kind     text CHECK (change_kind IN ('AMENDS', 'ANNULS')),
  published_at    timestamptz,
  created_at      timestamptz NOT NULL,
  created_by_name text,
  CHECK ((changes_id IS NULL) = (change_kind IS NULL)),
  CHECK (changes_id IS NULL OR changes_id <> id),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, body_id, year, seq),
  UNIQUE (tenant_id, number),
  FOREIGN KEY (tenant_id, body_id) REFERENCES governing_body (tenant_id, id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES meeting (tenant_id, id),
  FOREIGN KEY (tenant_id, agenda_item_id) REFERENCES agenda_item (tenant_id, id),
  FOREIGN KEY (tenant_id, changes_id) REFERENCES resolution (tenant_id, id)
);
CREATE INDEX resolution_meeting ON resolution (tenant_id, meeting_id, seq);
CREATE INDEX resolution_changes ON resolution (tenant_id, changes_id) WHERE changes_id IS NOT NULL;
CREATE INDEX resolution_latest ON resolution (tenant_id, voted_at DESC) WHERE published_at IS NOT NULL;

-- Votes by name, where the body votes so.
CREATE TABLE resolution_vote (
  tenant_id     text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  resolution_id uuid NOT NULL,
  seat_id       uuid NOT NULL,
  choice        text NOT NULL CHECK (choice IN ('FOR', 'AGAINST', 'ABSTAIN')),
  PRIMARY KEY (tenant_id, resolution_id, seat_id),
  FOREIGN KEY (tenant_id, resolution_id) REFERENCES resolution (tenant_id, id),
  FOREIGN KEY (tenant_id, seat_id) REFERENCES body_seat (tenant_id, id)
);

-- A correction of a published resolution's text: visible with its date and reason, never silent.
CREATE TABLE resolution_revision (
  id              uuid NOT NULL PRIMARY KEY,
  tenant_id       text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  resolution_id   uuid NOT NULL,
  revised_at      timestamptz NOT NULL,
  revised_by_name text,
  reason          text NOT NULL CHECK (reason <> ''),
  title_before    text NOT NULL,
  text_before     text NOT NULL,
  title_after     text NOT NULL,
  text_after      text NOT NULL,
  FOREIGN KEY (tenant_id, resolution_id) REFERENCES resolution (tenant_id, id)
);
CREATE INDEX resolution_revision_resolution ON resolution_revision (tenant_id, resolution_id, revised_at);

-- Follow-up tasks: what, who, by when; their state is public with the resolution.
CREATE TABLE resolution_task (
  id            uuid NOT NULL PRIMARY KEY,
  tenant_id     text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  resolution_id uuid NOT NULL,
  what          text NOT NULL CHECK (what <> ''),
  who           text NOT NULL CHECK (who <> ''),
  due_on        date,
  state         text NOT NULL CHECK (state IN ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
  progress      text,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  FOREIGN KEY (tenant_id, resolution_id) REFERENCES resolution (tenant_id, id)
);
CREATE INDEX resolution_task_resolution ON resolution_task (tenant_id, resolution_id);

-- Minutes and materials of a meeting (PDF), in the database like every other tenant file.
CREATE TABLE meeting_file (
  id               uuid NOT NULL PRIMARY KEY,
  tenant_id        text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  meeting_id       uuid NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('MINUTES', 'MATERIAL')),
  file_name        text NOT NULL CHECK (file_name <> ''),
  content_type     text NOT NULL,
  size             integer NOT NULL CHECK (size > 0),
  content          bytea NOT NULL,
  visibility       text NOT NULL CHECK (visibility IN ('PUBLIC', 'MEMBERS')),
  uploaded_at      timestamptz NOT NULL,
  uploaded_by_name text,
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES meeting (tenant_id, id)
);
CREATE INDEX meeting_file_meeting ON meeting_file (tenant_id, meeting_id);

-- The search table: one row per published resolution. document is the Czech analysis made in the
-- application (stems with and without diacritics, title weighted A); folded is the text without
-- accents, for trigram matching of typos and partial words. The filter columns repeat the
-- resolution's, so that a search and its count read this table alone.
CREATE TABLE resolution_search (
  tenant_id     text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  resolution_id uuid NOT NULL,
  visibility    text NOT NULL CHECK (visibility IN ('PUBLIC', 'MEMBERS')),
  body_id       uuid NOT NULL,
  year          integer NOT NULL,
  outcome       text NOT NULL,
  -- NONE: no follow-up tasks; OPEN: some unfinished (next_due: the earliest due day among them, so
  -- that "overdue" is decided when asked, not when written); DONE: all finished.
  task_state    text NOT NULL CHECK (task_state IN ('NONE', 'OPEN', 'DONE')),
  next_due      date,
  voted_at      timestamp NOT NULL,
  document      tsvector NOT NULL,
  folded        text NOT NULL,
  PRIMARY KEY (tenant_id, resolution_id),
  FOREIGN KEY (tenant_id, resolution_id) REFERENCES resolution (tenant_id, id)
);
CREATE INDEX resolution_search_document ON resolution_search USING gin (document);
CREATE INDEX resolution_search_folded ON resolution_search USING gin (folded gin_trgm_ops);
CREATE INDEX resolution_search_latest ON resolution_search (tenant_id, voted_at DESC);

GRANT SELECT, INSERT, UPDATE ON governing_body, body_seat, meeting, agenda_item, attendance,
  resolution_counter, resolution, resolution_task TO ${appRole};
GRANT SELECT, INSERT ON resolution_vote, resolution_revision, meeting_file TO ${appRole};
GRANT DELETE ON resolution_vote TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON resolution_search TO ${appRole};

SELECT isolate_tenant_table('governing_body');
SELECT isolate_tenant_table('body_seat');
SELECT isolate_tenant_table('meeting');
SELECT isolate_tenant_table('agenda_item');
SELECT isolate_tenant_table('attendance');
SELECT isolate_tenant_table('resolution_counter');
SELECT isolate_tenant_table('resolution');
SELECT isolate_tenant_table('resolution_vote');
SELECT isolate_tenant_table('resolution_revision');
SELECT isolate_tenant_table('resolution_task');
SELECT isolate_tenant_table('meeting_file');
SELECT isolate_tenant_table('resolution_search');
