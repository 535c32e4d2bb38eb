-- The municipality register: reference data shared by all tenants (no tenant_id, no row-level
-- security), updated yearly from the statistics office's population table by a platform admin.
-- The country is part of the key from day one: the V4 unions (SK, PL, HU) come next.

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE municipality (
  country  char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  code     text    NOT NULL CHECK (code <> ''),
  name     text    NOT NULL CHECK (name <> ''),
  district text    NOT NULL,
  region   text    NOT NULL,
  lat      numeric(9, 6) CHECK (lat BETWEEN -90 AND 90),
  lon      numeric(9, 6) CHECK (lon BETWEEN -180 AND 180),
  PRIMARY KEY (country, code)
);
CREATE INDEX municipality_region_district ON municipality (country, region, district);

-- Population per year, so coverage can be shown for any year that was imported.
CREATE TABLE municipality_population (
  country    char(2) NOT NULL,
  code       text    NOT NULL,
  year       integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  population integer NOT NULL CHECK (population >= 0),
  PRIMARY KEY (country, code, year),
  FOREIGN KEY (country, code) REFERENCES municipality (country, code)
);

-- Every import, with its outcome: what changed, or why nothing did.
CREATE TABLE municipality_import (
  id                 uuid PRIMARY KEY,
  country            char(2) NOT NULL,
  year               integer NOT NULL,
  file_name          text,
  imported_by        text NOT NULL,
  imported_at        timestamptz NOT NULL,
  rows_read          integer NOT NULL,
  created            integer NOT NULL,
  renamed            integer NOT NULL,
  moved              integer NOT NULL,
  population_changed integer NOT NULL
);

GRANT SELECT, INSERT, UPDATE ON municipality, municipality_population TO ${appRole};
GRANT SELECT, INSERT ON municipality_import TO ${appRole};
