-- Protection of the public forms (join us now; seminar registrations and newsletter subscriptions
-- next): budgets of submissions per client and per association, and e-mail confirmations.

-- How many submissions a key (a form of an association, from one client or from everyone) has
-- used in a time window. Shared by every replica, so a limit holds across them. The client part of
-- a key is a hash, never the address itself; rows older than a day are deleted as new ones come.
CREATE TABLE request_budget (
  key          text NOT NULL CHECK (key <> ''),
  window_start timestamptz NOT NULL,
  used         integer NOT NULL CHECK (used > 0),
  PRIMARY KEY (key, window_start)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON request_budget TO ${appRole};

-- A link sent to an e-mail address to prove that whoever filled in a public form reads that
-- address. Only a hash of the token is kept; a link works once and until it expires.
CREATE TABLE email_confirmation (
  id         uuid NOT NULL PRIMARY KEY,
  tenant_id  text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  purpose    text NOT NULL CHECK (purpose ~ '^[a-z][a-z0-9.-]*$'),
  target_id  uuid NOT NULL,
  token_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  CHECK (expires_at > created_at),
  UNIQUE (tenant_id, token_hash)
);
CREATE INDEX email_confirmation_target ON email_confirmation (tenant_id, purpose, target_id);
GRANT SELECT, INSERT, UPDATE, DELETE ON email_confirmation TO ${appRole};
SELECT isolate_tenant_table('email_confirmation');

-- An application counts only once its e-mail address is confirmed: until then it is UNCONFIRMED,
-- invisible to the admin and blocking nobody. Confirmed applications of one municipality no longer
-- exclude each other either: a stranger's application must not keep out the real one; the admin
-- sees both and decides.
ALTER TABLE membership_application DROP CONSTRAINT membership_application_status_check;
ALTER TABLE membership_application
  ADD CONSTRAINT membership_application_status_check
  CHECK (status IN ('UNCONFIRMED', 'SUBMITTED', 'APPROVED', 'REJECTED'));
ALTER TABLE membership_application DROP CONSTRAINT membership_application_check;
ALTER TABLE membership_application
  ADD CONSTRAINT membership_application_decided_check
  CHECK ((status IN ('UNCONFIRMED', 'SUBMITTED')) = (decided_at IS NULL));
DROP INDEX membership_application_open;
CREATE INDEX membership_application_municipality
  ON membership_application (tenant_id, country, code, status);
ALTER TABLE membership_application ADD COLUMN confirmed_at timestamptz;
-- Applications taken before this change count as confirmed. FORCEd row-level security binds the
-- owner too, so it is lifted for this one statement of every tenant's rows.
ALTER TABLE membership_application NO FORCE ROW LEVEL SECURITY;
ALTER TABLE membership_application DISABLE ROW LEVEL SECURITY;
UPDATE membership_application SET confirmed_at = submitted_at WHERE status <> 'UNCONFIRMED';
ALTER TABLE membership_application ENABLE ROW LEVEL SECURITY;
ALTER TABLE membership_application FORCE ROW LEVEL SECURITY;
GRANT DELETE ON membership_application TO ${appRole};
