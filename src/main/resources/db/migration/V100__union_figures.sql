-- The union's figures over its regional associations, computed by the database.
--
-- Cross-tenant reads exist only here. Each union_* function below is SECURITY DEFINER, owned by the
-- schema owner, with a pinned search_path, and is the only thing of its kind granted to the
-- application role. It takes the union from app.tenant_id (the transaction's tenant, set by the one
-- EntityManager producer) and returns only counts and sums, per child association (association =
-- its slug) and in total (association IS NULL), per year.
--
-- Row-level security stays ENABLEd and FORCEd on every tenant table and binds the owner too: a
-- table a figure needs gets one more policy, union_aggregates, from union_readable_table(). It lets
-- rows be READ (never written) by the owner only while it runs on behalf of another role (inside a
-- SECURITY DEFINER function called by the app: current_user <> session_user), and only rows of the
-- direct children of the union named by app.tenant_id. Tables with personal data (person, official,
-- membership_application, member_organization, email_confirmation, invitation, audit_entry, …) get
-- no such policy: no union function can read them, whatever it is written to do.
--
-- EXTENSION POINT (seminars, magazine): a new figure is one more function of this shape, in the
-- feature's own migration,
--   SELECT union_readable_table('seminar');   -- each table it counts, no personal data
--   CREATE FUNCTION union_events(first_year integer, last_year integer)
--     RETURNS TABLE (association text, year integer, <counts and sums>) ... SECURITY DEFINER
--     SET search_path = pg_catalog, public AS $$ ... FROM union_years(first_year, last_year) ...
--     JOIN union_children() ... $$;
--   REVOKE ALL ON FUNCTION union_events(integer, integer) FROM PUBLIC;
--   GRANT EXECUTE ON FUNCTION union_events(integer, integer) TO ${appRole};
-- and one constant in eu.municipia.union.control.UnionTable naming its columns.

-- The country of an association: coverage counts the municipalities of its own country's register.
ALTER TABLE tenant ADD COLUMN country char(2) NOT NULL DEFAULT 'CZ' CHECK (country ~ '^[A-Z]{2}$');

CREATE FUNCTION union_readable_table(tbl regclass) RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
AS $$
BEGIN
  EXECUTE format(
    'CREATE POLICY union_aggregates ON %s AS PERMISSIVE FOR SELECT TO %I'
    ' USING (current_user <> session_user AND tenant_id IN ('
    '  SELECT c.id FROM public.tenant c JOIN public.tenant u ON u.id = c.parent_id'
    '  WHERE u.kind = ''UNION'' AND u.id = nullif(current_setting(''app.tenant_id'', true), '''')))',
    tbl, current_user);
END $$;
REVOKE ALL ON FUNCTION union_readable_table(regclass) FROM PUBLIC;

SELECT union_readable_table('membership');
SELECT union_readable_table('dues_rate');
SELECT union_readable_table('dues_payment');
SELECT union_readable_table('resolution');

-- The child associations of the union named by app.tenant_id (none when it names no union).
CREATE FUNCTION union_children()
  RETURNS TABLE (association text, country char(2), region text)
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public
AS $$
  SELECT c.id, c.country, c.region
  FROM tenant c JOIN tenant u ON u.id = c.parent_id
  WHERE u.kind = 'UNION' AND u.id = nullif(current_setting('app.tenant_id', true), '')
$$;

-- The years asked for (at most 50), each with the day its figures are taken on: the last day of
-- the year, or today for the current year.
CREATE FUNCTION union_years(first_year integer, last_year integer)
  RETURNS TABLE (year integer, first_day date, last_day date, on_day date)
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public
AS $$
  SELECT y, make_date(y, 1, 1), make_date(y, 12, 31), least(make_date(y, 12, 31), current_date)
  FROM generate_series(greatest(first_year, 1900), least(last_year, first_year + 49, 2100)) y
$$;

-- Each municipality's population in each year asked for: the register's figure of that year, or
-- its latest before (as dues take it); none before the first imported year.
CREATE FUNCTION union_population(first_year integer, last_year integer)
  RETURNS TABLE (country char(2), code text, year integer, population integer)
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public
AS $$
  SELECT DISTINCT ON (p.country, p.code, y.year) p.country, p.code, y.year, p.population
  FROM union_years(first_year, last_year) y
  JOIN municipality_population p ON p.year <= y.year
  ORDER BY p.country, p.code, y.year, p.year DESC
$$;

-- The memberships that count as members on a day: admitted, begun, not yet ended; a membership
-- suspended now is not counted today (as the coverage page does), but is for past years (the
-- suspension's date is in the history, not here).
CREATE FUNCTION union_members_on(first_year integer, last_year integer)
  RETURNS TABLE (association text, year integer, country char(2), code text, organization_id uuid)
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public
AS $$
  SELECT m.tenant_id, y.year, m.country, m.code, m.organization_id
  FROM union_children() k
  JOIN membership m ON m.tenant_id = k.association
  CROSS JOIN union_years(first_year, last_year) y
  WHERE m.status IN ('ACTIVE', 'SUSPENDED', 'LEFT')
    AND (m.since IS NULL OR m.since <= y.on_day)
    AND (m.until IS NULL OR m.until >= y.on_day)
    AND NOT (m.status = 'LEFT' AND m.until IS NULL)
    AND (m.status <> 'SUSPENDED' OR y.on_day < current_date)
$$;

-- Each child's region (its country's whole register where it names no region), per municipality.
CREATE FUNCTION union_region_municipalities()
  RETURNS TABLE (association text, country char(2), code text, district text)
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public
AS $$
  SELECT k.association, mu.country, mu.code, mu.district
  FROM union_children() k
  JOIN municipality mu ON mu.country = k.country AND (k.region IS NULL OR mu.region = k.region)
$$;

-- Members: municipalities and organisations that are members on the year's day, the population
-- of the member municipalities within the association's region against the region's, and the
-- memberships that began and ended within the year. The total counts a municipality that is a
-- member of two associations once.
CREATE FUNCTION union_members(first_year integer, last_year integer)
  RETURNS TABLE (association text, year integer, municipalities bigint, organizations bigint,
                 population bigint, region_population bigint, share_percent numeric,
                 joined bigint, "left" bigint)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
  -- Set-based throughout (each CTE once, grouped, then joined): correlated subqueries per
  -- association and year took 38 s on the full register with 15 associations.
  WITH members AS MATERIALIZED (SELECT * FROM union_members_on(first_year, last_year)),
  pop AS MATERIALIZED (SELECT * FROM union_population(first_year, last_year)),
  regions AS MATERIALIZED (SELECT * FROM union_region_municipalities()),
  years AS (SELECT * FROM union_years(first_year, last_year)),
  -- Member municipalities within their association's region, with their population.
  in_region AS MATERIALIZED (
    SELECT m.association, m.year, m.country, m.code, p.population
    FROM members m
    JOIN regions r ON r.association = m.association AND r.country = m.country AND r.code = m.code
    LEFT JOIN pop p ON p.country = m.country AND p.code = m.code AND p.year = m.year
  ),
  counts AS (
    SELECT m.association, m.year,
      count(*) FILTER (WHERE m.code IS NOT NULL) AS municipalities,
      count(*) FILTER (WHERE m.organization_id IS NOT NULL) AS organizations
    FROM members m GROUP BY m.association, m.year
  ),
  covered AS (
    SELECT i.association, i.year, sum(i.population) AS population
    FROM in_region i GROUP BY i.association, i.year
  ),
  region_pop AS (
    SELECT r.association, p.year, sum(p.population) AS population
    FROM regions r JOIN pop p ON p.country = r.country AND p.code = r.code
    GROUP BY r.association, p.year
  ),
  changes AS (
    SELECT m.tenant_id AS association, y.year,
      count(*) FILTER (WHERE m.status <> 'APPLIED' AND m.since BETWEEN y.first_day AND y.on_day) AS joined,
      count(*) FILTER (WHERE m.status = 'LEFT' AND m.until BETWEEN y.first_day AND y.last_day) AS "left"
    FROM union_children() k
    JOIN membership m ON m.tenant_id = k.association
    CROSS JOIN years y
    GROUP BY m.tenant_id, y.year
  ),
  total_counts AS (
    SELECT y.year,
      (SELECT count(*) FROM (SELECT DISTINCT m.country, m.code FROM members m
        WHERE m.year = y.year AND m.code IS NOT NULL) d) AS municipalities,
      (SELECT count(*) FROM members m
        WHERE m.year = y.year AND m.organization_id IS NOT NULL) AS organizations
    FROM years y
  ),
  total_covered AS (
    SELECT c.year, sum(c.population) AS population
    FROM (SELECT DISTINCT i.year, i.country, i.code, i.population FROM in_region i) c
    GROUP BY c.year
  ),
  total_region AS (
    SELECT p.year, sum(p.population) AS population
    FROM (SELECT DISTINCT country, code FROM regions) c
    JOIN pop p ON p.country = c.country AND p.code = c.code
    GROUP BY p.year
  ),
  total_changes AS (
    SELECT c.year, sum(c.joined) AS joined, sum(c."left") AS "left" FROM changes c GROUP BY c.year
  ),
  figures AS (
    SELECT k.association, y.year, coalesce(c.municipalities, 0) AS municipalities,
      coalesce(c.organizations, 0) AS organizations, cv.population, rp.population AS region_population,
      ch.joined, ch."left"
    FROM union_children() k CROSS JOIN years y
    LEFT JOIN counts c ON c.association = k.association AND c.year = y.year
    LEFT JOIN covered cv ON cv.association = k.association AND cv.year = y.year
    LEFT JOIN region_pop rp ON rp.association = k.association AND rp.year = y.year
    LEFT JOIN changes ch ON ch.association = k.association AND ch.year = y.year
    UNION ALL
    SELECT NULL, y.year, coalesce(tc.municipalities, 0), coalesce(tc.organizations, 0),
      tcv.population, tr.population, tch.joined, tch."left"
    FROM years y
    LEFT JOIN total_counts tc ON tc.year = y.year
    LEFT JOIN total_covered tcv ON tcv.year = y.year
    LEFT JOIN total_region tr ON tr.year = y.year
    LEFT JOIN total_changes tch ON tch.year = y.year
  )
  SELECT f.association, f.year, f.municipalities, f.organizations,
    coalesce(f.population, CASE WHEN f.region_population IS NULL THEN NULL ELSE 0 END)::bigint,
    f.region_population::bigint,
    round(100.0 * coalesce(f.population, 0) / nullif(f.region_population, 0), 1),
    coalesce(f.joined, 0)::bigint,
    coalesce(f."left", 0)::bigint
  FROM figures f
  ORDER BY f.association NULLS LAST, f.year
$$;

-- Coverage of the regions: municipalities that are members and those that are not, and districts
-- whose municipalities are all members (fully), some (partly) or none. In total, over the union of
-- the children's regions, a municipality counts as covered when it is a member of any of them.
CREATE FUNCTION union_coverage(first_year integer, last_year integer)
  RETURNS TABLE (association text, year integer, municipalities_covered bigint,
                 municipalities_not_covered bigint, districts_fully bigint, districts_partly bigint,
                 districts_not bigint)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
  WITH members AS (
    SELECT DISTINCT association, year, country, code
    FROM union_members_on(first_year, last_year) WHERE code IS NOT NULL
  ),
  regions AS (SELECT * FROM union_region_municipalities()),
  marked AS (
    SELECT r.association, y.year, r.country, r.code, r.district,
      EXISTS (SELECT 1 FROM members m WHERE m.association = r.association AND m.year = y.year
              AND m.country = r.country AND m.code = r.code) AS covered
    FROM regions r CROSS JOIN union_years(first_year, last_year) y
    UNION ALL
    SELECT NULL, y.year, r.country, r.code, r.district,
      EXISTS (SELECT 1 FROM members m WHERE m.year = y.year
              AND m.country = r.country AND m.code = r.code)
    FROM (SELECT DISTINCT country, code, district FROM regions) r
    CROSS JOIN union_years(first_year, last_year) y
  ),
  districts AS (
    SELECT association, year, country, district,
      count(*) FILTER (WHERE covered) AS covered, count(*) AS municipalities
    FROM marked GROUP BY association, year, country, district
  ),
  all_rows AS (
    SELECT k.association, y.year FROM union_children() k CROSS JOIN union_years(first_year, last_year) y
    UNION ALL
    SELECT NULL, y.year FROM union_years(first_year, last_year) y
  )
  SELECT a.association, a.year,
    coalesce(sum(d.covered), 0)::bigint,
    coalesce(sum(d.municipalities - d.covered), 0)::bigint,
    count(d.district) FILTER (WHERE d.covered = d.municipalities),
    count(d.district) FILTER (WHERE d.covered > 0 AND d.covered < d.municipalities),
    count(d.district) FILTER (WHERE d.covered = 0)
  FROM all_rows a
  LEFT JOIN districts d ON d.association IS NOT DISTINCT FROM a.association AND d.year = a.year
  GROUP BY a.association, a.year
  ORDER BY a.association NULLS LAST, a.year
$$;

-- Dues: what the members owed for the year at the association's rate (as DuesLedger computes it:
-- rate × population rounded, within the minimum and maximum; NULL in a year without a rate),
-- members whose population is unknown (owing, but not counted), and the payments not cancelled.
CREATE FUNCTION union_dues(first_year integer, last_year integer)
  RETURNS TABLE (association text, year integer, billed numeric, paid numeric,
                 members_without_population bigint)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
  WITH pop AS (SELECT * FROM union_population(first_year, last_year)),
  owed AS (
    SELECT k.association, y.year, r.id AS rate_id,
      sum(least(r.maximum, greatest(r.minimum, round(r.rate_per_inhabitant * p.population))))
        FILTER (WHERE m.id IS NOT NULL AND p.population IS NOT NULL) AS billed,
      count(m.id) FILTER (WHERE p.population IS NULL) AS without_population
    FROM union_children() k
    CROSS JOIN union_years(first_year, last_year) y
    LEFT JOIN dues_rate r ON r.tenant_id = k.association AND r.year = y.year
    LEFT JOIN membership m ON r.id IS NOT NULL AND m.tenant_id = k.association
      AND m.code IS NOT NULL AND m.status IN ('ACTIVE', 'SUSPENDED', 'LEFT')
      AND (m.since IS NULL OR m.since <= y.last_day) AND (m.until IS NULL OR m.until >= y.first_day)
    LEFT JOIN pop p ON p.country = m.country AND p.code = m.code AND p.year = y.year
    GROUP BY k.association, y.year, r.id
  ),
  per_association AS (
    SELECT o.association, o.year,
      CASE WHEN o.rate_id IS NULL THEN NULL ELSE coalesce(o.billed, 0) END AS billed,
      coalesce((SELECT sum(d.amount) FROM dues_payment d WHERE d.tenant_id = o.association
        AND d.year = o.year AND d.cancelled_at IS NULL), 0) AS paid,
      o.without_population
    FROM owed o
  )
  SELECT * FROM per_association
  UNION ALL
  SELECT NULL, year, sum(billed), sum(paid), sum(without_population)::bigint
  FROM per_association GROUP BY year
  ORDER BY 1 NULLS LAST, 2
$$;

-- Resolutions adopted and rejected in the year of their vote (counts only: no text, no title).
CREATE FUNCTION union_resolutions(first_year integer, last_year integer)
  RETURNS TABLE (association text, year integer, adopted bigint, rejected bigint)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
  WITH per_association AS (
    SELECT k.association, y.year,
      count(r.id) FILTER (WHERE r.outcome = 'ADOPTED') AS adopted,
      count(r.id) FILTER (WHERE r.outcome = 'REJECTED') AS rejected
    FROM union_children() k
    CROSS JOIN union_years(first_year, last_year) y
    LEFT JOIN resolution r ON r.tenant_id = k.association
      AND r.voted_at >= y.first_day AND r.voted_at < y.last_day + 1
    GROUP BY k.association, y.year
  )
  SELECT * FROM per_association
  UNION ALL
  SELECT NULL, year, sum(adopted)::bigint, sum(rejected)::bigint FROM per_association GROUP BY year
  ORDER BY 1 NULLS LAST, 2
$$;

-- The helpers run only inside the figures; the figures are all the application may call.
REVOKE ALL ON FUNCTION union_children() FROM PUBLIC;
REVOKE ALL ON FUNCTION union_years(integer, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION union_population(integer, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION union_members_on(integer, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION union_region_municipalities() FROM PUBLIC;
REVOKE ALL ON FUNCTION union_members(integer, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION union_coverage(integer, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION union_dues(integer, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION union_resolutions(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION union_members(integer, integer) TO ${appRole};
GRANT EXECUTE ON FUNCTION union_coverage(integer, integer) TO ${appRole};
GRANT EXECUTE ON FUNCTION union_dues(integer, integer) TO ${appRole};
GRANT EXECUTE ON FUNCTION union_resolutions(integer, integer) TO ${appRole};
