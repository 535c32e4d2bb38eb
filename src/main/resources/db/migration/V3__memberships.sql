-- Memberships: a municipality's membership in one association (tenant data), with its history.

-- The region an association covers, for coverage figures (NULL: the whole country).
ALTER TABLE tenant ADD COLUMN region text;

CREATE TABLE membership (
  id        uuid NOT NULL PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  country   char(2) NOT NULL,
  code      text NOT NULL,
  status    text NOT NULL CHECK (status IN ('APPLIED', 'ACTIVE', 'SUSPENDED', 'LEFT')),
  since     date,
  until     date,
  CHECK (until IS NULL OR since IS NULL OR until >= since),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, country, code),
  FOREIGN KEY (country, code) REFERENCES municipality (country, code)
);

CREATE TABLE membership_event (
  id            uuid NOT NULL PRIMARY KEY,
  tenant_id     text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  membership_id uuid NOT NULL,
  at            timestamptz NOT NULL,
  status_from   text,
  status_to     text NOT NULL,
  effective     date,
  reason        text,
  actor_subject text NOT NULL,
  actor_name    text,
  FOREIGN KEY (tenant_id, membership_id) REFERENCES membership (tenant_id, id)
);
CREATE INDEX membership_event_membership ON membership_event (tenant_id, membership_id, at);

GRANT SELECT, INSERT, UPDATE ON membership TO ${appRole};
GRANT SELECT, INSERT ON membership_event TO ${appRole};

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['membership', 'membership_event'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I'
      ' USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), ''''))'
      ' WITH CHECK (tenant_id = nullif(current_setting(''app.tenant_id'', true), ''''))', t);
  END LOOP;
END $$;
