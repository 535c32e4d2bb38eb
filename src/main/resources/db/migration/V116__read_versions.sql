-- A version number for what the member directory, the coverage figures and every page's branding
-- (colour, logo) read, so that each replica may keep their answers in memory (ReadCache) and still
-- never answer from stale data.
--
-- Every write to a table those reads depend on bumps a counter in the transaction that writes: the
-- association's own counter for its tenant tables (membership, member_organization, site_profile,
-- site_logo), the shared counter '*' for the national register (municipality,
-- municipality_population). A replica asks
-- read_version(tenant), the sum of the two, before it reads: an answer kept under the same number
-- is still the answer; a write commits its bump with its rows, so the next request after the commit
-- sees a new number on every replica (issue 13: the member list at 0.17 of a bare endpoint, most of
-- it in its transaction, queries and JSON).
--
-- The counters hold a number per association slug and nothing else; the app role has no right on
-- the table: only the trigger function and read_version (SECURITY DEFINER, pinned search_path) touch
-- it. Its key is called scope, not tenant_id, because '*' is no association and no row here is an
-- association's data (row-level security guards such data, TenantIsolationIT finds it by tenant_id).

CREATE TABLE read_version (
  scope   text PRIMARY KEY CHECK (scope <> ''),
  version bigint NOT NULL
);
REVOKE ALL ON read_version FROM PUBLIC;

-- Bumps once per transaction and scope: a register import's thousands of statements (a JDBC batch
-- fires a statement trigger for each row) bump the shared counter once, not thousands of times.
-- A write with no association bound (a migration, the owner's scripts), and a TRUNCATE, which empties
-- every association's rows, bump the shared counter, which every association's number includes.
CREATE FUNCTION bump_read_version() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
DECLARE
  bumped_scope text;
BEGIN
  IF TG_ARGV[0] = 'tenant' AND TG_OP <> 'TRUNCATE' THEN
    bumped_scope := coalesce(nullif(current_setting('app.tenant_id', true), ''), '*');
  ELSE
    bumped_scope := '*';
  END IF;
  IF position('|' || bumped_scope || '|' IN coalesce(current_setting('app.read_version_bumped', true), ''))
     > 0 THEN
    RETURN NULL;
  END IF;
  INSERT INTO read_version (scope, version) VALUES (bumped_scope, 1)
    ON CONFLICT (scope) DO UPDATE SET version = read_version.version + 1;
  PERFORM set_config('app.read_version_bumped',
    coalesce(current_setting('app.read_version_bumped', true), '') || '|' || bumped_scope || '|', true);
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION bump_read_version() FROM PUBLIC;

CREATE TRIGGER membership_read_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON membership
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('tenant');
CREATE TRIGGER member_organization_read_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON member_organization
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('tenant');
CREATE TRIGGER site_profile_read_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_profile
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('tenant');
CREATE TRIGGER site_logo_read_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_logo
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('tenant');
CREATE TRIGGER municipality_read_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipality
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('register');
CREATE TRIGGER municipality_population_read_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipality_population
  FOR EACH STATEMENT EXECUTE FUNCTION bump_read_version('register');

-- The number an association's kept answers are valid for: its own counter plus the shared one
-- (each only grows, so the sum changes whenever either does).
CREATE FUNCTION read_version(tenant text) RETURNS bigint
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
  SELECT coalesce(sum(version), 0)::bigint FROM read_version WHERE scope IN (tenant, '*')
$$;
REVOKE ALL ON FUNCTION read_version(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION read_version(text) TO ${appRole};
