-- Membership dues: the association's yearly rate per inhabitant (with a minimum and a maximum), and
-- the payments its admin records. A member's dues follow from its population in the register; they
-- are computed when read, never stored, so a corrected rate or population corrects every figure.

CREATE TABLE dues_rate (
  id                  uuid NOT NULL PRIMARY KEY,
  tenant_id           text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  year                integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  -- CZK per inhabitant; minimum and maximum in whole CZK.
  rate_per_inhabitant numeric(10, 2) NOT NULL CHECK (rate_per_inhabitant > 0),
  minimum             integer NOT NULL CHECK (minimum >= 0),
  maximum             integer NOT NULL,
  set_by              text NOT NULL,
  set_by_name         text,
  set_at              timestamptz NOT NULL,
  CHECK (minimum <= maximum),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, year)
);

-- A payment is never deleted: one recorded by mistake is cancelled (who, when, why) and stays, so
-- the history of what was recorded is kept. The application may change only the cancellation.
CREATE TABLE dues_payment (
  id                uuid NOT NULL PRIMARY KEY,
  tenant_id         text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  membership_id     uuid NOT NULL,
  year              integer NOT NULL,
  amount            numeric(12, 2) NOT NULL CHECK (amount > 0),
  paid_on           date NOT NULL,
  note              text,
  recorded_at       timestamptz NOT NULL,
  recorded_by       text NOT NULL,
  recorded_by_name  text,
  cancelled_at      timestamptz,
  cancelled_by      text,
  cancelled_by_name text,
  cancel_reason     text,
  CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL)),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, membership_id) REFERENCES membership (tenant_id, id),
  -- Dues of a year can be paid once the association has set that year's rate.
  FOREIGN KEY (tenant_id, year) REFERENCES dues_rate (tenant_id, year)
);
CREATE INDEX dues_payment_year ON dues_payment (tenant_id, year, membership_id);

GRANT SELECT, INSERT, UPDATE ON dues_rate TO ${appRole};
GRANT SELECT, INSERT ON dues_payment TO ${appRole};
GRANT UPDATE (cancelled_at, cancelled_by, cancelled_by_name, cancel_reason) ON dues_payment TO ${appRole};

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['dues_rate', 'dues_payment'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I'
      ' USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), ''''))'
      ' WITH CHECK (tenant_id = nullif(current_setting(''app.tenant_id'', true), ''''))', t);
  END LOOP;
END $$;
