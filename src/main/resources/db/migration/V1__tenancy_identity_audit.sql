-- Municipia schema, version 1: associations (shared), people and roles, audit (per tenant).
-- Runs as the owner role. ${appRole} is the role the application connects as: it gets DML on
-- what it needs and owns nothing, so row-level security binds it.

-- Shared tables: no row-level security, written only by platform administration.
CREATE TABLE tenant (
  -- Same rule as TenantSlug: the reserved words are the platform's own first path segments.
  id         text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{1,39}$'
                                     AND id NOT IN ('api', 'auth', 'errors', 'health', 'metrics', 'openapi', 'static', 't')),
  parent_id  text REFERENCES tenant (id),
  name_cs    text NOT NULL CHECK (name_cs <> ''),
  name_en    text NOT NULL CHECK (name_en <> ''),
  kind       text NOT NULL CHECK (kind IN ('UNION', 'ASSOCIATION')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id)
);

-- Its column is not called tenant_id on purpose: tenant_id marks rows owned by a tenant (and
-- protected by row-level security); this is the platform's map from host names to tenants.
CREATE TABLE tenant_domain (
  host   text PRIMARY KEY CHECK (host = lower(host)),
  tenant text NOT NULL REFERENCES tenant (id)
);

GRANT SELECT ON tenant, tenant_domain TO ${appRole};

-- Tenant tables. Every one has tenant_id, row-level security ENABLEd and FORCEd, and keys that
-- include tenant_id. The policy compares with app.tenant_id, which the application sets per
-- transaction; nullif turns the '' of a reused pooled connection into NULL, which matches nothing.

CREATE TABLE person (
  id           uuid NOT NULL,
  tenant_id    text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  issuer       text NOT NULL,
  subject      text NOT NULL,
  username     text,
  display_name text,
  email        text,
  first_seen   timestamptz NOT NULL,
  last_seen    timestamptz NOT NULL,
  PRIMARY KEY (id),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, issuer, subject)
);

CREATE TABLE role_grant (
  id         uuid NOT NULL PRIMARY KEY,
  tenant_id  text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  issuer     text NOT NULL,
  subject    text NOT NULL,
  role       text NOT NULL CHECK (role IN ('ASSOCIATION_ADMIN', 'EDITOR', 'MEMBER_OFFICIAL', 'UNION_ANALYST')),
  granted_by text NOT NULL,
  granted_at timestamptz NOT NULL,
  UNIQUE (tenant_id, issuer, subject, role),
  FOREIGN KEY (tenant_id, issuer, subject) REFERENCES person (tenant_id, issuer, subject) ON DELETE CASCADE
);

CREATE TABLE audit_entry (
  id            uuid NOT NULL PRIMARY KEY,
  tenant_id     text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  at            timestamptz NOT NULL,
  actor_subject text NOT NULL,
  actor_name    text,
  action        text NOT NULL,
  target_type   text NOT NULL,
  target_id     text NOT NULL,
  before_state  text,
  after_state   text
);
CREATE INDEX audit_entry_tenant_at ON audit_entry (tenant_id, at DESC);

GRANT SELECT, INSERT, UPDATE, DELETE ON person, role_grant TO ${appRole};
-- The audit log is append-only for the application.
GRANT SELECT, INSERT ON audit_entry TO ${appRole};

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['person', 'role_grant', 'audit_entry'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I'
      ' USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), ''''))'
      ' WITH CHECK (tenant_id = nullif(current_setting(''app.tenant_id'', true), ''''))', t);
  END LOOP;
END $$;
