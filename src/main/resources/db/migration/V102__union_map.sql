-- The union's map: every municipality of the union's country (and its children's countries) with
-- the child associations it is a member of today, for the map on the union's dashboard and its
-- districts' lists.
--
-- Like the figures of V100 it is SECURITY DEFINER, owned by the schema owner, with a pinned
-- search_path, takes the union from app.tenant_id and reads the children's memberships only through
-- the union_aggregates policy (union_members_on). Unlike them it returns rows, not numbers: the
-- public register's data (code, name, district, region, population, map point), which the app reads
-- anyway, and the slugs of the associations a municipality belongs to, which each association
-- publishes in its own member directory. Nothing of a membership beyond that (no dates, no status,
-- no contact, no organisation) leaves the function; DataMinimisationIT pins its columns.
CREATE FUNCTION union_map()
  RETURNS TABLE (country char(2), code text, name text, district text, region text,
                 population integer, lat numeric, lon numeric, associations text[])
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
  WITH this_year AS (SELECT extract(year FROM current_date)::integer AS year),
  -- Members today, as the figures count them (admitted, begun, not ended, not suspended now).
  members AS (
    SELECT m.country, m.code, array_agg(DISTINCT m.association ORDER BY m.association) AS associations
    FROM this_year y CROSS JOIN LATERAL union_members_on(y.year, y.year) m
    WHERE m.code IS NOT NULL
    GROUP BY m.country, m.code
  ),
  countries AS (
    SELECT u.country FROM tenant u
    WHERE u.kind = 'UNION' AND u.id = nullif(current_setting('app.tenant_id', true), '')
    UNION
    SELECT k.country FROM union_children() k
  )
  -- The population of this year, or the latest before (as the figures take it).
  SELECT mu.country, mu.code, mu.name, mu.district, mu.region, p.population, mu.lat, mu.lon,
    coalesce(mb.associations, '{}'::text[])
  FROM municipality mu
  JOIN countries c ON c.country = mu.country
  LEFT JOIN (SELECT q.* FROM this_year y CROSS JOIN LATERAL union_population(y.year, y.year) q) p
    ON p.country = mu.country AND p.code = mu.code
  LEFT JOIN members mb ON mb.country = mu.country AND mb.code = mu.code
  ORDER BY mu.country, mu.region, mu.district, mu.name, mu.code
$$;

REVOKE ALL ON FUNCTION union_map() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION union_map() TO ${appRole};
