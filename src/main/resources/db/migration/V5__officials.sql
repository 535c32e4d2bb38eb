-- Officials and contact people of members (mayor, deputy, secretary, contact for twinning, ...).
-- Personal data: erased on request, when the row keeps its role and term (the membership's
-- history) but no longer says who the person was.

CREATE TABLE official (
  id             uuid NOT NULL PRIMARY KEY,
  tenant_id      text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  membership_id  uuid NOT NULL,
  role           text NOT NULL
                 CHECK (role IN ('MAYOR', 'DEPUTY_MAYOR', 'SECRETARY', 'TWINNING_CONTACT', 'CONTACT')),
  name           text,
  email          text,
  phone          text,
  term_from      date,
  term_to        date,
  login_subject  text,
  invited_at     timestamptz,
  created_at     timestamptz NOT NULL,
  erased_at      timestamptz,
  CHECK (term_to IS NULL OR term_from IS NULL OR term_to >= term_from),
  CHECK (erased_at IS NOT NULL OR name IS NOT NULL),
  CHECK (erased_at IS NULL OR (name IS NULL AND email IS NULL AND phone IS NULL)),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, membership_id) REFERENCES membership (tenant_id, id)
);
CREATE INDEX official_membership ON official (tenant_id, membership_id);
CREATE INDEX official_email ON official (tenant_id, lower(email));

GRANT SELECT, INSERT, UPDATE ON official TO ${appRole};

ALTER TABLE official ENABLE ROW LEVEL SECURITY;
ALTER TABLE official FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON official
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), ''))
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));
