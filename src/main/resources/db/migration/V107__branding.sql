-- Each association's own look: its logo (an image file like the magazine's, kept in PostgreSQL
-- under row-level security so every replica serves it and backups hold it) beside the accent
-- colour that site_profile has had since V30, and its custom domain set by a platform admin.

-- At most one logo per association: PNG or JPEG only (an SVG can carry script), its type decided
-- from the bytes before it gets here. The entity tag lets caches and the pages' ?v= links follow a
-- new logo at once.
CREATE TABLE site_logo (
  id          uuid NOT NULL PRIMARY KEY,
  tenant_id   text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  media_type  text NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg')),
  width       integer NOT NULL CHECK (width > 0),
  height      integer NOT NULL CHECK (height > 0),
  etag        text NOT NULL,
  content     bytea NOT NULL,
  updated_at  timestamptz NOT NULL,
  UNIQUE (tenant_id)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON site_logo TO ${appRole};
SELECT isolate_tenant_table('site_logo');

-- Custom domains: only platform-admin use cases write the map from host to association (the
-- host is the primary key, so a domain belongs to one association at most).
GRANT INSERT, DELETE ON tenant_domain TO ${appRole};
