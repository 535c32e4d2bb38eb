-- Each country's own words for its units and its register's authority, so that a second country
-- needs data, not code: the pages say "okres" for a Czech association and "powiat" for a Polish
-- one. Shared reference data like the municipality register (no tenant_id, no row-level security),
-- written only by platform admins when they import a country's register.
--
-- A unit's forms, in this order (the messages name them {district.one}, {district.ofOne}, ...):
--   one (singular nominative), ofOne (singular genitive), inOne (singular locative, "v okrese"),
--   many (plural nominative), ofMany (plural genitive, "okresů").
-- English needs two (one, many); the others repeat them.

CREATE TABLE country (
  code         char(2) PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
  name_cs      text NOT NULL CHECK (name_cs <> ''),
  name_en      text NOT NULL CHECK (name_en <> ''),
  region_cs    text[] NOT NULL CHECK (cardinality(region_cs) = 5),
  region_en    text[] NOT NULL CHECK (cardinality(region_en) = 5),
  district_cs  text[] NOT NULL CHECK (cardinality(district_cs) = 5),
  district_en  text[] NOT NULL CHECK (cardinality(district_en) = 5),
  authority_cs text NOT NULL CHECK (authority_cs <> ''),
  authority_en text NOT NULL CHECK (authority_en <> '')
);

-- Who changed a country's terms, when, from what to what: the audit of this shared table (the
-- audit log proper belongs to an association, under row-level security). Append-only for the app.
CREATE TABLE country_change (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code         char(2) NOT NULL REFERENCES country (code),
  changed_by   text NOT NULL,
  changed_at   timestamptz NOT NULL,
  before_state jsonb,
  after_state  jsonb NOT NULL
);

INSERT INTO country VALUES
  ('CZ', 'Česko', 'Czechia',
   ARRAY['kraj', 'kraje', 'kraji', 'kraje', 'krajů'],
   ARRAY['region', 'region', 'region', 'regions', 'regions'],
   ARRAY['okres', 'okresu', 'okrese', 'okresy', 'okresů'],
   ARRAY['district', 'district', 'district', 'districts', 'districts'],
   'ČSÚ', 'the Czech Statistical Office'),
  ('SK', 'Slovensko', 'Slovakia',
   ARRAY['kraj', 'kraje', 'kraji', 'kraje', 'krajů'],
   ARRAY['region', 'region', 'region', 'regions', 'regions'],
   ARRAY['okres', 'okresu', 'okrese', 'okresy', 'okresů'],
   ARRAY['district', 'district', 'district', 'districts', 'districts'],
   'ŠÚ SR', 'the Statistical Office of the Slovak Republic'),
  ('PL', 'Polsko', 'Poland',
   ARRAY['vojvodství', 'vojvodství', 'vojvodství', 'vojvodství', 'vojvodství'],
   ARRAY['voivodeship', 'voivodeship', 'voivodeship', 'voivodeships', 'voivodeships'],
   ARRAY['powiat', 'powiatu', 'powiatu', 'powiaty', 'powiatů'],
   ARRAY['county', 'county', 'county', 'counties', 'counties'],
   'GUS', 'Statistics Poland (GUS)'),
  ('HU', 'Maďarsko', 'Hungary',
   ARRAY['župa', 'župy', 'župě', 'župy', 'žup'],
   ARRAY['county', 'county', 'county', 'counties', 'counties'],
   ARRAY['okres', 'okresu', 'okrese', 'okresy', 'okresů'],
   ARRAY['district', 'district', 'district', 'districts', 'districts'],
   'KSH', 'the Hungarian Central Statistical Office (KSH)');

GRANT SELECT, INSERT, UPDATE ON country TO ${appRole};
GRANT SELECT, INSERT ON country_change TO ${appRole};
