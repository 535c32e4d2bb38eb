-- Members that are not municipalities (a micro-region, a company, an association): identified by
-- IČO, with no population. A membership is of a municipality or of such an organization.

CREATE TABLE member_organization (
  id        uuid NOT NULL PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  ico       char(8) NOT NULL CHECK (ico ~ '^[0-9]{8}$'),
  name      text NOT NULL CHECK (name <> ''),
  kind      text NOT NULL CHECK (kind IN ('MICROREGION', 'COMPANY', 'ASSOCIATION', 'OTHER')),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, ico)
);

ALTER TABLE membership ALTER COLUMN country DROP NOT NULL;
ALTER TABLE membership ALTER COLUMN code DROP NOT NULL;
ALTER TABLE membership ADD COLUMN organization_id uuid;
ALTER TABLE membership ADD FOREIGN KEY (tenant_id, organization_id)
  REFERENCES member_organization (tenant_id, id);
ALTER TABLE membership ADD UNIQUE (tenant_id, organization_id);
ALTER TABLE membership ADD CHECK ((code IS NULL) = (country IS NULL));
ALTER TABLE membership ADD CHECK ((code IS NULL) <> (organization_id IS NULL));

GRANT SELECT, INSERT, UPDATE ON member_organization TO ${appRole};

ALTER TABLE member_organization ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_organization FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON member_organization
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), ''))
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));
