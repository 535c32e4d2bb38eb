-- Applications for membership from the public "Join us" page, and the outbox that carries e-mail.

CREATE TABLE membership_application (
  id               uuid NOT NULL PRIMARY KEY,
  tenant_id        text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  country          char(2) NOT NULL,
  code             text NOT NULL,
  -- Who applies: personal data, erased on request (the application's decision stays).
  applicant_name   text,
  applicant_role   text,
  applicant_email  text,
  applicant_phone  text,
  message          text,
  language         text NOT NULL CHECK (language IN ('cs', 'en')),
  consent_at       timestamptz NOT NULL,
  submitted_at     timestamptz NOT NULL,
  status           text NOT NULL CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED')),
  decided_at       timestamptz,
  decided_by       text,
  decided_by_name  text,
  decision_reason  text,
  member_since     date,
  CHECK ((status = 'SUBMITTED') = (decided_at IS NULL)),
  CHECK (status <> 'REJECTED' OR decision_reason IS NOT NULL),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (country, code) REFERENCES municipality (country, code)
);
-- One open application per municipality and association.
CREATE UNIQUE INDEX membership_application_open
  ON membership_application (tenant_id, country, code) WHERE status = 'SUBMITTED';
CREATE INDEX membership_application_status ON membership_application (tenant_id, status, submitted_at);

-- E-mail written in the transaction of the action that causes it and sent after commit by a worker
-- that retries with backoff: an SMTP outage or a crash delays mail but does not lose it.
CREATE TABLE outbox_message (
  id              uuid NOT NULL PRIMARY KEY,
  tenant_id       text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  created_at      timestamptz NOT NULL,
  recipient       text NOT NULL,
  subject         text NOT NULL,
  body            text NOT NULL,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  sent_at         timestamptz,
  failed_at       timestamptz,
  last_error      text,
  UNIQUE (tenant_id, id)
);
CREATE INDEX outbox_message_due ON outbox_message (tenant_id, next_attempt_at)
  WHERE sent_at IS NULL AND failed_at IS NULL;

GRANT SELECT, INSERT, UPDATE ON membership_application TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON outbox_message TO ${appRole};

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['membership_application', 'outbox_message'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I'
      ' USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), ''''))'
      ' WITH CHECK (tenant_id = nullif(current_setting(''app.tenant_id'', true), ''''))', t);
  END LOOP;
END $$;
