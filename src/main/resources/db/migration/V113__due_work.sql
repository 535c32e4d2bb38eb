-- Which associations have background work due, asked once per poll instead of once per association.
--
-- Every replica polls its jobs (the outbox every 5 s, scheduled articles every 30 s, seminar offers
-- and reminders every 60 s). Asked association by association, that was a transaction per
-- association and job on every poll: with 1,000 associations about 470 transactions a second on an
-- idle platform, more than the member list served under load (ThroughputBenchmark, JFR: 40 % of
-- the app's CPU in the 1,000-association runs went to the pollers). Now each poll asks one function
-- below which associations have anything due, and works only in those.
--
-- The functions return association slugs, and the outbox's count and oldest date for /metrics:
-- never a row. They read across tenants like the union's functions (V100) and under the same
-- rules: SECURITY DEFINER, pinned search_path, granted to the app role alone. Row-level security
-- stays forced; the tables they read get one more policy, due_work, that lets the owner READ rows
-- only while it runs inside one of these functions: on behalf of another role (current_user <>
-- session_user), with app.due_work on (each function sets it for its own run and back off at its
-- end; a function's SET clause cannot name a custom setting without a superuser since PostgreSQL 15),
-- and with no association bound to the transaction (the jobs ask through the plain data source;
-- a union function always runs with its union bound, so it never gains these rows).

CREATE FUNCTION due_work_readable_table(tbl regclass) RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
AS $$
BEGIN
  EXECUTE format(
    'CREATE POLICY due_work ON %s AS PERMISSIVE FOR SELECT TO %I'
    ' USING (current_user <> session_user'
    '  AND current_setting(''app.due_work'', true) = ''on'''
    '  AND nullif(current_setting(''app.tenant_id'', true), '''') IS NULL)',
    tbl, current_user);
END $$;
REVOKE ALL ON FUNCTION due_work_readable_table(regclass) FROM PUBLIC;

SELECT due_work_readable_table('outbox_message');
SELECT due_work_readable_table('magazine_article');
SELECT due_work_readable_table('seminar');
SELECT due_work_readable_table('seminar_registration');

-- The associations with mail due to be sent at due_at: what the outbox's claim would take.
CREATE FUNCTION outbox_due_tenants(due_at timestamptz)
  RETURNS SETOF text
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
BEGIN
  PERFORM set_config('app.due_work', 'on', true);
  RETURN QUERY SELECT DISTINCT m.tenant_id FROM outbox_message m
    WHERE m.sent_at IS NULL AND m.failed_at IS NULL AND m.next_attempt_at <= due_at
      AND (m.claimed_until IS NULL OR m.claimed_until < due_at);
  PERFORM set_config('app.due_work', 'off', true);
END $$;

-- How much mail waits over all associations, and since when (the /metrics gauges).
CREATE FUNCTION outbox_waiting()
  RETURNS TABLE (waiting bigint, oldest timestamptz)
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
BEGIN
  PERFORM set_config('app.due_work', 'on', true);
  RETURN QUERY SELECT count(*), min(m.created_at) FROM outbox_message m
    WHERE m.sent_at IS NULL AND m.failed_at IS NULL;
  PERFORM set_config('app.due_work', 'off', true);
END $$;

-- The associations with an article scheduled for due_at or earlier.
CREATE FUNCTION magazine_due_tenants(due_at timestamptz)
  RETURNS SETOF text
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
BEGIN
  PERFORM set_config('app.due_work', 'on', true);
  RETURN QUERY SELECT DISTINCT a.tenant_id FROM magazine_article a
    WHERE a.status = 'SCHEDULED' AND a.scheduled_for <= due_at;
  PERFORM set_config('app.due_work', 'off', true);
END $$;

-- The associations with an offer past its time, or an event starting within the reminder's lead
-- time (the seminar job then decides whom to remind).
CREATE FUNCTION seminar_due_tenants(due_at timestamptz, reminder_hours integer)
  RETURNS SETOF text
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
BEGIN
  PERFORM set_config('app.due_work', 'on', true);
  RETURN QUERY SELECT r.tenant_id FROM seminar_registration r
    WHERE r.status = 'OFFERED' AND r.offer_expires_at <= due_at
    UNION
    SELECT s.tenant_id FROM seminar s
    WHERE s.cancelled_at IS NULL AND s.starts_at > due_at
      AND s.starts_at <= due_at + make_interval(hours => reminder_hours);
  PERFORM set_config('app.due_work', 'off', true);
END $$;

REVOKE ALL ON FUNCTION outbox_due_tenants(timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION outbox_waiting() FROM PUBLIC;
REVOKE ALL ON FUNCTION magazine_due_tenants(timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION seminar_due_tenants(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outbox_due_tenants(timestamptz) TO ${appRole};
GRANT EXECUTE ON FUNCTION outbox_waiting() TO ${appRole};
GRANT EXECUTE ON FUNCTION magazine_due_tenants(timestamptz) TO ${appRole};
GRANT EXECUTE ON FUNCTION seminar_due_tenants(timestamptz, integer) TO ${appRole};

-- The polls read across associations: partial indexes without tenant_id in front.
CREATE INDEX outbox_message_due_any ON outbox_message (next_attempt_at)
  WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX seminar_upcoming_any ON seminar (starts_at) WHERE cancelled_at IS NULL;
