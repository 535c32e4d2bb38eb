-- The union's articles figures (V100's extension point): articles published, and of them shared
-- with the union, per child association and in total, in the year of their publication (Central
-- European time, as the magazine's archive takes its years). Published means published or since
-- archived; drafts, articles in review and scheduled ones do not count.
--
-- The articles' rows are counted, never returned: a members-only article counts as a number, and
-- no title or text leaves the function (the union reads the texts of public shared articles from
-- their copies, magazine_shared_article, under that table's own policy).
SELECT union_readable_table('magazine_article');

CREATE FUNCTION union_articles(first_year integer, last_year integer)
  RETURNS TABLE (association text, year integer, published bigint, shared bigint)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
  WITH per_association AS (
    SELECT k.association, y.year,
      count(a.id) AS published,
      count(a.id) FILTER (WHERE a.shared_with_union) AS shared
    FROM union_children() k
    CROSS JOIN union_years(first_year, last_year) y
    LEFT JOIN magazine_article a ON a.tenant_id = k.association
      AND a.status IN ('PUBLISHED', 'ARCHIVED')
      AND a.published_at >= y.first_day::timestamp AT TIME ZONE 'Europe/Prague'
      AND a.published_at < (y.last_day + 1)::timestamp AT TIME ZONE 'Europe/Prague'
    GROUP BY k.association, y.year
  )
  SELECT * FROM per_association
  UNION ALL
  SELECT NULL, year, sum(published)::bigint, sum(shared)::bigint FROM per_association GROUP BY year
  ORDER BY 1 NULLS LAST, 2
$$;
REVOKE ALL ON FUNCTION union_articles(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION union_articles(integer, integer) TO ${appRole};
