-- Invitations of an existing Keycloak account into an association: the account is attached (its
-- Organization, a role) only when its owner opens the link mailed to its verified address and
-- logs in as that very account. The link's token is kept only as its SHA-256 hash; it expires and
-- can be used once.

CREATE TABLE invitation (
  id           uuid NOT NULL PRIMARY KEY,
  tenant_id    text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  token_hash   text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  -- Where the link went; erased on a person's request (then only the account id remains).
  email        text,
  issuer       text NOT NULL,
  subject      text NOT NULL,
  role         text NOT NULL
               CHECK (role IN ('ASSOCIATION_ADMIN', 'EDITOR', 'MEMBER_OFFICIAL', 'UNION_ANALYST')),
  -- What the invitation is for, e.g. 'official:<uuid>'; the feature that invited reads it.
  reference    text,
  invited_by   text NOT NULL,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  accepted_at  timestamptz,
  withdrawn_at timestamptz,
  CHECK (expires_at > created_at),
  CHECK (accepted_at IS NULL OR withdrawn_at IS NULL),
  UNIQUE (tenant_id, id),
  -- Like every key of a tenant table, with the tenant: a link is looked up within its association.
  UNIQUE (tenant_id, token_hash)
);
CREATE INDEX invitation_reference ON invitation (tenant_id, reference);
CREATE INDEX invitation_email ON invitation (tenant_id, lower(email));

GRANT SELECT, INSERT, UPDATE, DELETE ON invitation TO ${appRole};

ALTER TABLE invitation ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invitation
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), ''))
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));
