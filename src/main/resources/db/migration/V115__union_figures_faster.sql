-- The union's members and coverage figures, faster and flat as the platform grows. Measured on a
-- copy of the benchmark's database (17 associations under the union, 6,258 municipalities, five
-- years, and the 1,000 associations with 102,480 memberships that ThroughputBenchmark adds beside
-- them), wall time of 7 calls as the app role, same results (EXCEPT ALL both ways, 2018-2026):
--   union_members   230-365 ms -> 61-75 ms
--   union_coverage  110-170 ms -> 90-140 ms
--   union_map        58-70 ms  -> 41-51 ms
-- Where the time went, and what changed:
-- * Memberships were read by a sequential scan of the whole table, the row-level-security policy
--   evaluated on every row of every tenant (55 ms of 102,480 rows for 4,280). They are now read
--   per child through the (tenant_id, ...) index: LATERAL with OFFSET 0 keeps the planner from
--   flattening it back into a hash join.
-- * The rule "a member on that day" is one inlinable SQL expression, union_member_on(), used by
--   both readers of memberships. It has no SET clause on purpose: a function with one is never
--   inlined, and would be called once per membership and year. It is not granted to anyone and
--   only ever runs inside the SECURITY DEFINER functions, whose search_path is pinned.
-- * Each municipality's latest population sorted 12,516 rows of text keys (DISTINCT ON, libc
--   collation); an anti-join finds the same rows without sorting.
-- * The regions were a join with an OR in its condition (a nested loop over every child and
--   municipality); now two plain joins.
-- * union_members reads each membership once (with whether it lies in its association's region)
--   and joins each member-year to its population once; the counts, the covered population and the
--   totals come from two aggregates over that, instead of six. The regions' population is summed
--   per region of the register, not per municipality and association. Memberships begun and ended
--   are counted by the year of their date, not by comparing every membership with every year.

CREATE FUNCTION union_member_on(status text, since date, until date, on_day date)
  RETURNS boolean LANGUAGE sql STABLE
AS $$
  -- Admitted, begun, not yet ended; a membership suspended now is not counted today (as the
  -- coverage page does), but is for past years (the suspension's date is in the history).
  SELECT status IN ('ACTIVE', 'SUSPENDED', 'LEFT')
    AND (since IS NULL OR since <= on_day)
    AND (until IS NULL OR until >= on_day)
    AND NOT (status = 'LEFT' AND until IS NULL)
    AND (status <> 'SUSPENDED' OR on_day < current_date)
$$;
REVOKE ALL ON FUNCTION union_member_on(text, date, date, date) FROM PUBLIC;

CREATE OR REPLACE FUNCTION union_members_on(first_year integer, last_year integer)
  RETURNS TABLE (association text, year integer, country char(2), code text, organization_id uuid)
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public
AS $$
  SELECT m.tenant_id, y.year, m.country, m.code, m.organization_id
  FROM union_children() k
  CROSS JOIN LATERAL (SELECT * FROM membership m WHERE m.tenant_id = k.association OFFSET 0) m
  JOIN union_years(first_year, last_year) y ON union_member_on(m.status, m.since, m.until, y.on_day)
$$;

CREATE OR REPLACE FUNCTION union_population(first_year integer, last_year integer)
  RETURNS TABLE (country char(2), code text, year integer, population integer)
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public
AS $$
  SELECT p.country, p.code, y.year, p.population
  FROM union_years(first_year, last_year) y
  JOIN municipality_population p ON p.year <= y.year
  WHERE NOT EXISTS (SELECT 1 FROM municipality_population q
    WHERE q.country = p.country AND q.code = p.code AND q.year > p.year AND q.year <= y.year)
$$;

CREATE OR REPLACE FUNCTION union_region_municipalities()
  RETURNS TABLE (association text, country char(2), code text, district text)
  LANGUAGE sql STABLE
  SET search_path = pg_catalog, public
AS $$
  SELECT k.association, mu.country, mu.code, mu.district
  FROM union_children() k
  JOIN municipality mu ON mu.country = k.country AND k.region IS NULL
  UNION ALL
  SELECT k.association, mu.country, mu.code, mu.district
  FROM union_children() k
  JOIN municipality mu ON mu.country = k.country AND mu.region = k.region
$$;

-- CREATE OR REPLACE resets what V114 told the planner about these (see there).
ALTER FUNCTION union_members_on(integer, integer) ROWS 20000;
ALTER FUNCTION union_population(integer, integer) ROWS 30000;
ALTER FUNCTION union_region_municipalities() ROWS 8000;

CREATE OR REPLACE FUNCTION union_members(first_year integer, last_year integer)
  RETURNS TABLE (association text, year integer, municipalities bigint, organizations bigint,
                 population bigint, region_population bigint, share_percent numeric,
                 joined bigint, "left" bigint)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  SET enable_mergejoin = off
  SET work_mem = '32MB'
AS $$
  WITH k AS MATERIALIZED (SELECT * FROM union_children()),
  years AS MATERIALIZED (SELECT * FROM union_years(first_year, last_year)),
  -- Each child's memberships once, with whether the municipality lies in the child's region.
  ms AS MATERIALIZED (
    SELECT m.tenant_id AS association, m.country, m.code, m.organization_id, m.status, m.since,
      m.until, (mu.code IS NOT NULL AND (k.region IS NULL OR mu.region = k.region)) AS in_region
    FROM k CROSS JOIN LATERAL (SELECT * FROM membership m WHERE m.tenant_id = k.association OFFSET 0) m
    LEFT JOIN municipality mu ON mu.country = m.country AND mu.code = m.code AND mu.country = k.country
  ),
  pop AS MATERIALIZED (SELECT * FROM union_population(first_year, last_year)),
  -- The members on each year's day, with their municipality's population of that year.
  my AS MATERIALIZED (
    SELECT ms.association, y.year, ms.country, ms.code, ms.organization_id, ms.in_region, p.population
    FROM ms JOIN years y ON union_member_on(ms.status, ms.since, ms.until, y.on_day)
    LEFT JOIN pop p ON p.country = ms.country AND p.code = ms.code AND p.year = y.year
  ),
  counts AS (
    SELECT my.association, my.year, count(my.code) AS municipalities,
      count(my.organization_id) AS organizations,
      sum(my.population) FILTER (WHERE my.in_region) AS population
    FROM my GROUP BY my.association, my.year
  ),
  -- A municipality that is a member of two associations counts once in the total.
  municipalities AS (
    SELECT my.year, max(my.population) FILTER (WHERE my.in_region) AS population
    FROM my WHERE my.code IS NOT NULL GROUP BY my.year, my.country, my.code
  ),
  totals AS (
    SELECT t.year, count(*) AS municipalities, sum(t.population) AS population
    FROM municipalities t GROUP BY t.year
  ),
  -- The register's population per region; each child's region is one of them, or its whole country.
  region_sums AS MATERIALIZED (
    SELECT mu.country, mu.region, p.year, sum(p.population) AS population
    FROM pop p JOIN municipality mu ON mu.country = p.country AND mu.code = p.code
    GROUP BY mu.country, mu.region, p.year
  ),
  region_pop AS (
    SELECT k.association, s.year, sum(s.population) AS population
    FROM k JOIN region_sums s ON s.country = k.country AND (k.region IS NULL OR s.region = k.region)
    GROUP BY k.association, s.year
  ),
  total_region AS (
    SELECT s.year, sum(s.population) AS population FROM region_sums s
    WHERE EXISTS (SELECT 1 FROM k WHERE k.country = s.country AND (k.region IS NULL OR k.region = s.region))
    GROUP BY s.year
  ),
  -- Memberships begun (up to the year's day) and ended within each year.
  changes AS (
    SELECT c.association, c.year, sum(c.joined) AS joined, sum(c."left") AS "left"
    FROM (
      SELECT ms.association, extract(year FROM ms.since)::integer AS year, 1 AS joined, 0 AS "left"
      FROM ms WHERE ms.status <> 'APPLIED' AND ms.since <= current_date
      UNION ALL
      SELECT ms.association, extract(year FROM ms.until)::integer, 0, 1
      FROM ms WHERE ms.status = 'LEFT' AND ms.until IS NOT NULL
    ) c
    GROUP BY c.association, c.year
  ),
  figures AS (
    SELECT k.association, y.year, coalesce(c.municipalities, 0) AS municipalities,
      coalesce(c.organizations, 0) AS organizations, c.population,
      rp.population AS region_population, ch.joined, ch."left"
    FROM k CROSS JOIN years y
    LEFT JOIN counts c ON c.association = k.association AND c.year = y.year
    LEFT JOIN region_pop rp ON rp.association = k.association AND rp.year = y.year
    LEFT JOIN changes ch ON ch.association = k.association AND ch.year = y.year
    UNION ALL
    SELECT NULL, y.year, coalesce(t.municipalities, 0),
      (SELECT coalesce(sum(c.organizations), 0) FROM counts c WHERE c.year = y.year),
      t.population, tr.population,
      (SELECT sum(ch.joined) FROM changes ch WHERE ch.year = y.year),
      (SELECT sum(ch."left") FROM changes ch WHERE ch.year = y.year)
    FROM years y
    LEFT JOIN totals t ON t.year = y.year
    LEFT JOIN total_region tr ON tr.year = y.year
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
