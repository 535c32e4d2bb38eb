-- Seminars, workshops, study visits, conferences and webinars of an association: the events, their
-- programme, registrations (a group of people of one municipality, or one person of the public)
-- with a waitlist that moves by itself, personal links, check-in and certificates of attendance.

-- Foreign keys between these tables are checked at commit (DEFERRABLE INITIALLY DEFERRED): the JPA
-- provider orders the inserts of entities without a mapped relationship by itself, not by persist.

-- An event. Capacity is never oversold: every registration takes a row lock on its event (SELECT
-- ... FOR UPDATE) and counts the places held (confirmed and offered) in held_places, which only
-- the locked row changes. next_number gives each registration that enters its arrival number.
CREATE TABLE seminar (
  id                     uuid NOT NULL PRIMARY KEY,
  tenant_id              text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  kind                   text NOT NULL
                         CHECK (kind IN ('SEMINAR', 'WORKSHOP', 'STUDY_VISIT', 'CONFERENCE', 'WEBINAR')),
  title                  text NOT NULL CHECK (title <> ''),
  description            text,
  topic                  text,
  lecturers              text,
  starts_at              timestamptz NOT NULL,
  ends_at                timestamptz NOT NULL,
  venue                  text,
  address                text,
  latitude               double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude              double precision CHECK (longitude BETWEEN -180 AND 180),
  online_url             text,
  capacity               integer NOT NULL CHECK (capacity > 0),
  registration_opens_at  timestamptz NOT NULL,
  registration_closes_at timestamptz NOT NULL,
  audience               text NOT NULL CHECK (audience IN ('MEMBERS', 'PUBLIC')),
  fee                    numeric(10, 2) CHECK (fee >= 0),
  offer_hours            integer NOT NULL CHECK (offer_hours BETWEEN 1 AND 336),
  held_places            integer NOT NULL DEFAULT 0 CHECK (held_places >= 0),
  next_number            bigint NOT NULL DEFAULT 1,
  created_at             timestamptz NOT NULL,
  created_by             text NOT NULL,
  cancelled_at           timestamptz,
  cancel_reason          text,
  CHECK (ends_at >= starts_at),
  CHECK (registration_closes_at > registration_opens_at),
  CHECK (held_places <= capacity),
  CHECK ((latitude IS NULL) = (longitude IS NULL)),
  CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL)),
  UNIQUE (tenant_id, id)
);
CREATE INDEX seminar_starts ON seminar (tenant_id, starts_at);

-- The programme: items with their times and lecturers.
CREATE TABLE seminar_programme_item (
  id          uuid NOT NULL PRIMARY KEY,
  tenant_id   text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  seminar_id  uuid NOT NULL,
  position    integer NOT NULL,
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz,
  title       text NOT NULL CHECK (title <> ''),
  lecturer    text,
  FOREIGN KEY (tenant_id, seminar_id) REFERENCES seminar (tenant_id, id)
    DEFERRABLE INITIALLY DEFERRED
);
-- No unique position: a changed programme is written as new rows before the old ones are deleted.
CREATE INDEX seminar_programme_item_seminar ON seminar_programme_item (tenant_id, seminar_id);

-- A registration: confirmed whole or waiting whole. UNCONFIRMED is a public registration whose
-- e-mail address is not confirmed yet: it holds nothing and waits for nothing. number is the
-- arrival order (given under the event's lock); queue_key orders the waitlist (the number, unless an
-- admin moved the registration to the front).
CREATE TABLE seminar_registration (
  id               uuid NOT NULL PRIMARY KEY,
  tenant_id        text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  seminar_id       uuid NOT NULL,
  status           text NOT NULL
                   CHECK (status IN ('UNCONFIRMED', 'CONFIRMED', 'WAITING', 'OFFERED', 'CANCELLED')),
  number           bigint,
  queue_key        bigint,
  country          char(2),
  code             text,
  organisation     text,
  -- Who registered and is told: personal data, erased on request (the registration stays counted).
  contact_name     text,
  contact_email    text,
  language         text NOT NULL CHECK (language IN ('cs', 'en')),
  registered_by    text NOT NULL,
  public_form      boolean NOT NULL,
  places           integer NOT NULL CHECK (places >= 0),
  created_at       timestamptz NOT NULL,
  entered_at       timestamptz,
  confirmed_at     timestamptz,
  offered_at       timestamptz,
  offer_expires_at timestamptz,
  cancelled_at     timestamptz,
  cancel_reason    text,
  erased_at        timestamptz,
  CHECK ((status = 'UNCONFIRMED') = (number IS NULL)),
  CHECK ((status = 'OFFERED') = (offer_expires_at IS NOT NULL)),
  CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
  CHECK ((country IS NULL) = (code IS NULL)),
  CHECK (erased_at IS NULL OR (contact_name IS NULL AND contact_email IS NULL)),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, seminar_id, number),
  FOREIGN KEY (tenant_id, seminar_id) REFERENCES seminar (tenant_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (country, code) REFERENCES municipality (country, code)
);
CREATE INDEX seminar_registration_queue
  ON seminar_registration (tenant_id, seminar_id, status, queue_key);
CREATE INDEX seminar_registration_offers
  ON seminar_registration (tenant_id, offer_expires_at) WHERE status = 'OFFERED';
CREATE INDEX seminar_registration_email ON seminar_registration (tenant_id, lower(contact_email));

-- A person of a registration. active: the person holds or waits for a place (the registration
-- entered and neither it nor the person is cancelled); an address is active at most once per event.
CREATE TABLE seminar_participant (
  id                uuid NOT NULL PRIMARY KEY,
  tenant_id         text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  registration_id   uuid NOT NULL,
  seminar_id        uuid NOT NULL,
  position          integer NOT NULL,
  name              text,
  email             text,
  role              text,
  active            boolean NOT NULL,
  cancelled_at      timestamptz,
  checkin_code      text NOT NULL CHECK (checkin_code ~ '^[0-9A-Z]{8}$'),
  checked_in_at     timestamptz,
  checked_in_by     text,
  certificate_code  text CHECK (certificate_code ~ '^[0-9A-Z]{16}$'),
  reminded_at       timestamptz,
  erased_at         timestamptz,
  CHECK (erased_at IS NOT NULL OR (name IS NOT NULL AND email IS NOT NULL)),
  CHECK (erased_at IS NULL OR (name IS NULL AND email IS NULL AND role IS NULL)),
  CHECK ((checked_in_at IS NULL) = (certificate_code IS NULL)),
  CHECK (NOT (active AND cancelled_at IS NOT NULL)),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, registration_id, position),
  UNIQUE (tenant_id, checkin_code),
  UNIQUE (tenant_id, certificate_code),
  FOREIGN KEY (tenant_id, registration_id) REFERENCES seminar_registration (tenant_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (tenant_id, seminar_id) REFERENCES seminar (tenant_id, id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX seminar_participant_once
  ON seminar_participant (tenant_id, seminar_id, email) WHERE active;
CREATE INDEX seminar_participant_registration ON seminar_participant (tenant_id, registration_id);
CREATE INDEX seminar_participant_reminders
  ON seminar_participant (tenant_id, seminar_id) WHERE active AND reminded_at IS NULL;
CREATE INDEX seminar_participant_email ON seminar_participant (tenant_id, email);

-- Personal links: to a registration (view, change, cancel, answer an offer) or to one person's
-- ticket (check-in code, calendar, certificate). Every mail carries a fresh link and all of them
-- work while the registration lives; only a hash of each token is kept.
CREATE TABLE seminar_link (
  id              uuid NOT NULL PRIMARY KEY,
  tenant_id       text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  token_hash      text NOT NULL,
  registration_id uuid NOT NULL,
  participant_id  uuid,
  created_at      timestamptz NOT NULL,
  UNIQUE (tenant_id, token_hash),
  FOREIGN KEY (tenant_id, registration_id) REFERENCES seminar_registration (tenant_id, id)
    DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (tenant_id, participant_id) REFERENCES seminar_participant (tenant_id, id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX seminar_link_registration ON seminar_link (tenant_id, registration_id);

GRANT SELECT, INSERT, UPDATE ON seminar TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON seminar_programme_item TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON seminar_registration TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON seminar_participant TO ${appRole};
GRANT SELECT, INSERT, DELETE ON seminar_link TO ${appRole};

SELECT isolate_tenant_table('seminar');
SELECT isolate_tenant_table('seminar_programme_item');
SELECT isolate_tenant_table('seminar_registration');
SELECT isolate_tenant_table('seminar_participant');
SELECT isolate_tenant_table('seminar_link');

-- Files that travel with an e-mail of the outbox (a calendar file, a QR code), written in the same
-- transaction as the message.
CREATE TABLE outbox_attachment (
  id           uuid NOT NULL PRIMARY KEY,
  tenant_id    text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  message_id   uuid NOT NULL,
  position     integer NOT NULL,
  file_name    text NOT NULL CHECK (file_name ~ '^[A-Za-z0-9._-]{1,100}$'),
  content_type text NOT NULL,
  content      bytea NOT NULL,
  UNIQUE (tenant_id, message_id, position),
  FOREIGN KEY (tenant_id, message_id) REFERENCES outbox_message (tenant_id, id)
    DEFERRABLE INITIALLY DEFERRED
);
GRANT SELECT, INSERT, DELETE ON outbox_attachment TO ${appRole};
SELECT isolate_tenant_table('outbox_attachment');
