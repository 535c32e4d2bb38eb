-- What an association tells about itself on its site and in its mail: the contact for the public
-- (the "contact us" of articles, feedback on accessibility), its colour in the newsletter, and when
-- it last reviewed its accessibility statement (Czech law 99/2019 asks for the date). One row per
-- association at most; without one the pages use defaults.
CREATE TABLE site_profile (
  id                    uuid NOT NULL PRIMARY KEY,
  tenant_id             text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  contact_email         text,
  contact_phone         text,
  accent_color          text NOT NULL DEFAULT '#0b4f8a' CHECK (accent_color ~ '^#[0-9a-f]{6}$'),
  statement_reviewed_on date NOT NULL,
  updated_at            timestamptz NOT NULL,
  UNIQUE (tenant_id)
);
GRANT SELECT, INSERT, UPDATE ON site_profile TO ${appRole};
SELECT isolate_tenant_table('site_profile');
