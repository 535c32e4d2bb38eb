-- The newsletter: subscribers (member officials by default, the public with double opt-in), the
-- sends of issues, bounces; and what the outbox needs to carry it: content written once for many
-- messages, each message's own values (its unsubscribe link), the send it belongs to, and a lease
-- so that several workers claim messages in batches without taking the same one twice.

-- A text many messages share (an issue sent to every subscriber): subject, plain text, HTML and
-- extra headers, with {{name}} placeholders that each message's variables fill in.
CREATE TABLE outbox_content (
  id         uuid NOT NULL PRIMARY KEY,
  tenant_id  text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  subject    text NOT NULL,
  body       text NOT NULL,
  html_body  text,
  headers    text,
  from_name  text,
  created_at timestamptz NOT NULL,
  UNIQUE (tenant_id, id)
);
GRANT SELECT, INSERT ON outbox_content TO ${appRole};
SELECT isolate_tenant_table('outbox_content');

ALTER TABLE outbox_message
  ADD COLUMN content_id    uuid,
  ADD COLUMN variables     text,
  ADD COLUMN batch_id      uuid,
  -- A worker that claimed the message sends it before then; after, another may claim it again.
  ADD COLUMN claimed_until timestamptz,
  ADD FOREIGN KEY (tenant_id, content_id) REFERENCES outbox_content (tenant_id, id);
CREATE INDEX outbox_message_batch ON outbox_message (tenant_id, batch_id) WHERE batch_id IS NOT NULL;

CREATE TABLE newsletter_subscriber (
  id                 uuid NOT NULL PRIMARY KEY,
  tenant_id          text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  -- Lower case: one subscription per mailbox.
  email              text NOT NULL CHECK (email = lower(email) AND email <> ''),
  name               text,
  language           text NOT NULL CHECK (language IN ('cs', 'en')),
  source             text NOT NULL CHECK (source IN ('OFFICIAL', 'PUBLIC')),
  status             text NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'UNSUBSCRIBED', 'SUPPRESSED')),
  -- The opaque token of the unsubscribe links (one-click included): no login, no cookie.
  token              text NOT NULL,
  created_at         timestamptz NOT NULL,
  consent_at         timestamptz,
  confirmed_at       timestamptz,
  unsubscribed_at    timestamptz,
  suppressed_at      timestamptz,
  suppression_reason text,
  CHECK (status <> 'SUPPRESSED' OR suppression_reason IS NOT NULL),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, email),
  UNIQUE (tenant_id, token)
);
CREATE INDEX newsletter_subscriber_status ON newsletter_subscriber (tenant_id, status);

-- A send of an issue to every active subscriber (once per issue), or a test send to one address.
CREATE TABLE newsletter_send (
  id              uuid NOT NULL PRIMARY KEY,
  tenant_id       text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  issue_id        uuid NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('ISSUE', 'TEST')),
  subject         text NOT NULL,
  recipients      integer NOT NULL CHECK (recipients >= 0),
  started_at      timestamptz NOT NULL,
  started_by      text NOT NULL,
  started_by_name text,
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, issue_id) REFERENCES magazine_issue (tenant_id, id)
);
CREATE UNIQUE INDEX newsletter_send_once ON newsletter_send (tenant_id, issue_id) WHERE kind = 'ISSUE';

-- What came back: from the provider's webhook or the bounce mailbox. A hard bounce or a complaint
-- suppresses the address; soft ones are kept for the editor to see.
CREATE TABLE newsletter_bounce (
  id          uuid NOT NULL PRIMARY KEY,
  tenant_id   text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  email       text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('HARD', 'SOFT', 'COMPLAINT')),
  reason      text NOT NULL,
  message_id  uuid,
  source      text NOT NULL CHECK (source IN ('WEBHOOK', 'MAILBOX')),
  received_at timestamptz NOT NULL,
  UNIQUE (tenant_id, id)
);
CREATE INDEX newsletter_bounce_message ON newsletter_bounce (tenant_id, message_id);
CREATE INDEX newsletter_bounce_email ON newsletter_bounce (tenant_id, email);

GRANT SELECT, INSERT, UPDATE, DELETE ON newsletter_subscriber TO ${appRole};
GRANT SELECT, INSERT ON newsletter_send, newsletter_bounce TO ${appRole};
SELECT isolate_tenant_table('newsletter_subscriber');
SELECT isolate_tenant_table('newsletter_send');
SELECT isolate_tenant_table('newsletter_bounce');
