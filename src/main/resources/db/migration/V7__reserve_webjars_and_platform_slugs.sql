-- "webjars" and "platform" join the reserved slugs (TenantSlug): the platform serves its
-- libraries' files (Leaflet) under /webjars/ and its admins' pages under /platform/, so no
-- association may be named so.
ALTER TABLE tenant DROP CONSTRAINT tenant_id_check;
ALTER TABLE tenant ADD CONSTRAINT tenant_id_check CHECK (
  id ~ '^[a-z][a-z0-9-]{1,39}$'
  AND id NOT IN ('api', 'auth', 'errors', 'health', 'metrics', 'openapi', 'platform', 'static', 't', 'webjars'));
