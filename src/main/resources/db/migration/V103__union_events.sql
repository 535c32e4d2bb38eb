-- The union's events figures (V100's extension point): events held, participants and
-- municipalities reached, per child association and in total, per year.
--
-- Registrations and participants are personal data and get no union_aggregates policy. What the
-- figures need of them is kept in seminar_reach: per event and municipality, how many people held
-- a place and how many were checked in. No name, address or login; the association's own
-- transactions keep it (the triggers below, at commit) and the union's function counts from it.

CREATE TABLE seminar_reach (
  tenant_id   text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  seminar_id  uuid NOT NULL,
  -- The municipality the people came for (NULL: a public registration of no municipality).
  country     char(2),
  code        text,
  -- People who hold a place: active participants of confirmed registrations.
  registered  integer NOT NULL DEFAULT 0 CHECK (registered >= 0),
  -- People checked in at the door (only confirmed people can be).
  checked_in  integer NOT NULL DEFAULT 0 CHECK (checked_in >= 0),
  CHECK ((country IS NULL) = (code IS NULL)),
  FOREIGN KEY (tenant_id, seminar_id) REFERENCES seminar (tenant_id, id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX seminar_reach_key
  ON seminar_reach (tenant_id, seminar_id, (coalesce(country, '')), (coalesce(code, '')));

-- The app reads it (its figures could); only the triggers' functions below, as the owner, write it.
GRANT SELECT ON seminar_reach TO ${appRole};
SELECT isolate_tenant_table('seminar_reach');
SELECT union_readable_table('seminar_reach');
-- Which events were held when (ended, not cancelled): the seminar row, counted, never returned.
SELECT union_readable_table('seminar');

-- Counts one event's people of one municipality anew. The group's row is locked first (made if it
-- is new), so a concurrent change of the same group waits here until the other transaction ends;
-- the counting UPDATE is a statement of its own and so sees what that transaction committed
-- (READ COMMITTED takes a new snapshot per statement): no lost update between two check-ins.
CREATE FUNCTION seminar_reach_count(t text, s uuid, c char(2), k text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
BEGIN
  -- (Not for an event deleted in this transaction: its rows go with it.)
  INSERT INTO seminar_reach AS x (tenant_id, seminar_id, country, code)
  SELECT t, s, c, k WHERE EXISTS (SELECT 1 FROM seminar e WHERE e.tenant_id = t AND e.id = s)
  ON CONFLICT (tenant_id, seminar_id, (coalesce(country, '')), (coalesce(code, '')))
  DO UPDATE SET registered = x.registered;
  UPDATE seminar_reach x SET (registered, checked_in) = (
    SELECT count(p.id) FILTER (WHERE r.status = 'CONFIRMED' AND p.active),
           count(p.id) FILTER (WHERE p.checked_in_at IS NOT NULL)
    FROM seminar_registration r
    JOIN seminar_participant p ON p.tenant_id = r.tenant_id AND p.registration_id = r.id
    WHERE r.tenant_id = t AND r.seminar_id = s
      AND r.country IS NOT DISTINCT FROM c AND r.code IS NOT DISTINCT FROM k)
  WHERE x.tenant_id = t AND x.seminar_id = s
    AND x.country IS NOT DISTINCT FROM c AND x.code IS NOT DISTINCT FROM k;
END $$;

-- The triggers run at commit (constraint triggers, deferred): every row of the transaction is
-- there by then (the JPA provider may insert people before their registration), and the group's
-- lock is taken last, after the rows' own locks, so a check-in and a cancellation of the same
-- people cannot wait for each other in a circle.
CREATE FUNCTION seminar_reach_participant() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
DECLARE
  p seminar_participant;
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN
    p := OLD;
  ELSE
    p := NEW;
  END IF;
  SELECT g.country, g.code INTO r FROM seminar_registration g
  WHERE g.tenant_id = p.tenant_id AND g.id = p.registration_id;
  IF FOUND THEN
    PERFORM seminar_reach_count(p.tenant_id, p.seminar_id, r.country, r.code);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION seminar_reach_registration() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM seminar_reach_count(OLD.tenant_id, OLD.seminar_id, OLD.country, OLD.code);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM seminar_reach_count(NEW.tenant_id, NEW.seminar_id, NEW.country, NEW.code);
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER seminar_reach_participant
  AFTER INSERT OR DELETE ON seminar_participant
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION seminar_reach_participant();

-- A person moved, cancelled or checked in; not a reminder sent or a name erased.
CREATE CONSTRAINT TRIGGER seminar_reach_participant_changed
  AFTER UPDATE ON seminar_participant
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN (OLD.active IS DISTINCT FROM NEW.active
        OR OLD.checked_in_at IS DISTINCT FROM NEW.checked_in_at
        OR OLD.registration_id IS DISTINCT FROM NEW.registration_id)
  EXECUTE FUNCTION seminar_reach_participant();

CREATE CONSTRAINT TRIGGER seminar_reach_registration
  AFTER INSERT OR UPDATE OF status, country, code OR DELETE ON seminar_registration
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION seminar_reach_registration();

-- Triggers fire without the caller's EXECUTE; nobody calls these directly.
REVOKE ALL ON FUNCTION seminar_reach_count(text, uuid, char, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION seminar_reach_participant() FROM PUBLIC;
REVOKE ALL ON FUNCTION seminar_reach_registration() FROM PUBLIC;

-- The events held so far, counted once for every association (row-level security binds the owner
-- too, so each association's rows are counted with it set as the tenant).
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT id FROM tenant LOOP
    PERFORM set_config('app.tenant_id', t.id, true);
    INSERT INTO seminar_reach (tenant_id, seminar_id, country, code, registered, checked_in)
    SELECT r.tenant_id, r.seminar_id, r.country, r.code,
      count(p.id) FILTER (WHERE r.status = 'CONFIRMED' AND p.active),
      count(p.id) FILTER (WHERE p.checked_in_at IS NOT NULL)
    FROM seminar_registration r
    JOIN seminar_participant p ON p.tenant_id = r.tenant_id AND p.registration_id = r.id
    WHERE r.tenant_id = t.id
    GROUP BY r.tenant_id, r.seminar_id, r.country, r.code;
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END $$;

-- Events held: not cancelled, ended by now, counted in the year they ended (Central European
-- time, as the associations' own figures take their years). Participants: where an event has
-- check-ins, the people checked in; where it has none (an association that does not check people
-- in at the door, a webinar), the people who held a place, the best count there is of who came.
-- Municipalities reached: the distinct municipalities of the people counted. The total sums the
-- events and people and counts a municipality reached by two associations once.
CREATE FUNCTION union_events(first_year integer, last_year integer)
  RETURNS TABLE (association text, year integer, events bigint, participants bigint,
                 municipalities bigint)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
  WITH years AS (SELECT * FROM union_years(first_year, last_year)),
  held AS MATERIALIZED (
    SELECT k.association, y.year, s.id
    FROM union_children() k
    JOIN seminar s ON s.tenant_id = k.association
    JOIN years y ON y.year = extract(year FROM s.ends_at AT TIME ZONE 'Europe/Prague')::integer
    WHERE s.cancelled_at IS NULL AND s.ends_at <= now()
  ),
  reach AS MATERIALIZED (
    SELECT h.association, h.year, h.id, r.country, r.code, r.registered, r.checked_in,
      sum(r.checked_in) OVER (PARTITION BY h.association, h.id) AS event_checked_in
    FROM held h JOIN seminar_reach r ON r.tenant_id = h.association AND r.seminar_id = h.id
  ),
  counted AS MATERIALIZED (
    SELECT association, year, country, code,
      CASE WHEN event_checked_in > 0 THEN checked_in ELSE registered END AS people
    FROM reach
  ),
  events AS (SELECT association, year, count(*) AS events FROM held GROUP BY association, year),
  people AS (
    SELECT association, year, sum(people) AS participants,
      count(DISTINCT (country, code)) FILTER (WHERE code IS NOT NULL AND people > 0) AS municipalities
    FROM counted GROUP BY association, year
  ),
  total AS (
    SELECT year, sum(people) AS participants,
      count(DISTINCT (country, code)) FILTER (WHERE code IS NOT NULL AND people > 0) AS municipalities
    FROM counted GROUP BY year
  ),
  per_association AS (
    SELECT k.association, y.year, coalesce(e.events, 0) AS events,
      coalesce(p.participants, 0) AS participants, coalesce(p.municipalities, 0) AS municipalities
    FROM union_children() k CROSS JOIN years y
    LEFT JOIN events e ON e.association = k.association AND e.year = y.year
    LEFT JOIN people p ON p.association = k.association AND p.year = y.year
  )
  SELECT association, year, events::bigint, participants::bigint, municipalities::bigint
  FROM per_association
  UNION ALL
  SELECT NULL, y.year, coalesce((SELECT sum(a.events) FROM per_association a WHERE a.year = y.year), 0)::bigint,
    coalesce(t.participants, 0)::bigint, coalesce(t.municipalities, 0)::bigint
  FROM years y LEFT JOIN total t ON t.year = y.year
  ORDER BY 1 NULLS LAST, 2
$$;
REVOKE ALL ON FUNCTION union_events(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION union_events(integer, integer) TO ${appRole};
