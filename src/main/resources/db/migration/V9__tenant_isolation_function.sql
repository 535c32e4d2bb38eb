-- Tenant isolation written once. Every tenant table from now on gets its row-level security from
-- this function instead of a copy of the policy block in its migration:
--
--   SELECT isolate_tenant_table('seminar');
--
-- It requires the table's tenant_id column (NOT NULL, refusing ''), then ENABLEs and FORCEs
-- row-level security and adds the one policy: rows are visible and writable only where tenant_id is
-- the transaction's app.tenant_id (nullif turns the '' of a reused pooled connection into NULL,
-- which matches nothing). Grants stay in each migration, beside the table they are for. The
-- migrations before this one keep their own copies (landed migrations never change); the policies
-- they made are the same.
CREATE FUNCTION isolate_tenant_table(tbl regclass) RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM pg_attribute
    WHERE attrelid = tbl AND attname = 'tenant_id' AND attnotnull AND NOT attisdropped
  ) THEN
    RAISE EXCEPTION 'table % has no NOT NULL tenant_id column', tbl;
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM pg_constraint
    WHERE conrelid = tbl AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%tenant_id <> %'
  ) THEN
    RAISE EXCEPTION 'table % must CHECK (tenant_id <> '''')', tbl;
  END IF;
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s'
    ' USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), ''''))'
    ' WITH CHECK (tenant_id = nullif(current_setting(''app.tenant_id'', true), ''''))', tbl);
END $$;

-- Only migrations (the owner) call it.
REVOKE ALL ON FUNCTION isolate_tenant_table(regclass) FROM PUBLIC;
