-- Associations created and run without a developer: a platform admin creates one (the app writes
-- the tenant row once its Keycloak Organization and first admin exist, so a failure half-way
-- leaves no association behind) and suspends or reactivates it. A suspended association keeps all
-- its data; its pages, API and logins are refused with a clear answer until it is reactivated.

ALTER TABLE tenant ADD COLUMN status text NOT NULL DEFAULT 'ACTIVE'
  CHECK (status IN ('ACTIVE', 'SUSPENDED'));
ALTER TABLE tenant ADD COLUMN status_changed_at timestamptz;
ALTER TABLE tenant ADD COLUMN status_reason text;
-- Who asked for it (the platform admin's login), for the platform's own view.
ALTER TABLE tenant ADD COLUMN created_by text;

-- Only platform-admin use cases write the tenant list; the app role may add an association and
-- change its status, never rename, move or delete one.
GRANT INSERT ON tenant TO ${appRole};
GRANT UPDATE (status, status_changed_at, status_reason) ON tenant TO ${appRole};
