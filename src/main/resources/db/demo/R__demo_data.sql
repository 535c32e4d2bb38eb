-- Demo data for the local stack and the tests (app.demo-data=true): the national union SMO ČR
-- and the Plzeň region's association SMOPK under it, and the roles of the demo users that
-- deploy/keycloak/municipia-demo-realm.json defines (fixed user ids, issuer ${issuer}).

INSERT INTO tenant (id, parent_id, name_cs, name_en, kind) VALUES
  ('smocr', NULL, 'Svaz měst a obcí České republiky',
   'Union of Towns and Municipalities of the Czech Republic', 'UNION')
ON CONFLICT (id) DO NOTHING;

INSERT INTO tenant (id, parent_id, name_cs, name_en, kind) VALUES
  ('smopk', 'smocr', 'Sdružení měst a obcí Plzeňského kraje',
   'Association of Towns and Municipalities of the Plzeň Region', 'ASSOCIATION')
ON CONFLICT (id) DO NOTHING;

-- Row-level security binds the owner too (FORCE): name the tenant before writing its rows.
UPDATE tenant SET region = 'Plzeňský kraj' WHERE id = 'smopk' AND region IS NULL;

-- Three more regional associations under SMO ČR, so that the union's dashboard and map show a
-- country: demo data, named as such (their members come from DemoRegionalMembers, where the whole
-- country's register is loaded). Nobody logs in to them: they have no Keycloak Organization.
INSERT INTO tenant (id, parent_id, name_cs, name_en, kind, region) VALUES
  ('smojck', 'smocr', 'Sdružení měst a obcí Jihočeského kraje (ukázková data)',
   'Association of Towns and Municipalities of the South Bohemian Region (demo data)', 'ASSOCIATION',
   'Jihočeský kraj'),
  ('smokk', 'smocr', 'Sdružení měst a obcí Karlovarského kraje (ukázková data)',
   'Association of Towns and Municipalities of the Karlovy Vary Region (demo data)', 'ASSOCIATION',
   'Karlovarský kraj'),
  ('sov', 'smocr', 'Sdružení obcí Vysočiny (ukázková data)',
   'Association of Municipalities of the Vysočina Region (demo data)', 'ASSOCIATION',
   'Kraj Vysočina')
ON CONFLICT (id) DO NOTHING;

SELECT set_config('app.tenant_id', 'smopk', true);

INSERT INTO person (id, tenant_id, issuer, subject, username, display_name, email, first_seen, last_seen) VALUES
  ('6f1b0c52-5a43-4c36-9a57-0c6f3f0b8a01', 'smopk', '${issuer}', 'cad2f140-7a02-49fb-a6b3-2d85b21a3a6a',
   'spravce.smopk', 'Anna Nováková', 'anna.novakova@smopk.example', now(), now()),
  ('6f1b0c52-5a43-4c36-9a57-0c6f3f0b8a02', 'smopk', '${issuer}', '32ecbb13-48c7-4c16-80f6-acc0f64a36c0',
   'starosta.cila', 'Josef Král', 'starosta@cila.example', now(), now()),
  ('6f1b0c52-5a43-4c36-9a57-0c6f3f0b8a03', 'smopk', '${issuer}', 'c2cb888c-c4a4-4006-950f-3c6d4fd1ed7c',
   'redaktorka', 'Eva Malá', 'eva.mala@smopk.example', now(), now())
ON CONFLICT (tenant_id, issuer, subject) DO NOTHING;

INSERT INTO role_grant (id, tenant_id, issuer, subject, role, granted_by, granted_at) VALUES
  ('7a2c1d63-6b54-4d47-8b68-1d7f4f1c9b01', 'smopk', '${issuer}', 'cad2f140-7a02-49fb-a6b3-2d85b21a3a6a',
   'ASSOCIATION_ADMIN', 'demo-data', now()),
  ('7a2c1d63-6b54-4d47-8b68-1d7f4f1c9b02', 'smopk', '${issuer}', '32ecbb13-48c7-4c16-80f6-acc0f64a36c0',
   'MEMBER_OFFICIAL', 'demo-data', now()),
  ('7a2c1d63-6b54-4d47-8b68-1d7f4f1c9b03', 'smopk', '${issuer}', 'c2cb888c-c4a4-4006-950f-3c6d4fd1ed7c',
   'EDITOR', 'demo-data', now())
ON CONFLICT (tenant_id, issuer, subject, role) DO NOTHING;

SELECT set_config('app.tenant_id', 'smocr', true);

INSERT INTO person (id, tenant_id, issuer, subject, username, display_name, email, first_seen, last_seen) VALUES
  ('6f1b0c52-5a43-4c36-9a57-0c6f3f0b8a11', 'smocr', '${issuer}', '4d679887-649a-419a-ab81-051d42cc4d9d',
   'spravce.smocr', 'Jana Dvořáková', 'jana.dvorakova@smocr.example', now(), now()),
  ('6f1b0c52-5a43-4c36-9a57-0c6f3f0b8a12', 'smocr', '${issuer}', 'bb355fc8-cbdd-4313-9827-26b8f3e05796',
   'analytik.smocr', 'Martin Beneš', 'martin.benes@smocr.example', now(), now()),
  -- A member of SMO ČR with no role there: another association's plain member.
  ('6f1b0c52-5a43-4c36-9a57-0c6f3f0b8a13', 'smocr', '${issuer}', '5c0d9e47-2b8f-4d1a-9e63-7f4a1b2c3d91',
   'clen.smocr', 'Tomáš Veselý', 'tomas.vesely@smocr.example', now(), now())
ON CONFLICT (tenant_id, issuer, subject) DO NOTHING;

INSERT INTO role_grant (id, tenant_id, issuer, subject, role, granted_by, granted_at) VALUES
  ('7a2c1d63-6b54-4d47-8b68-1d7f4f1c9b11', 'smocr', '${issuer}', '4d679887-649a-419a-ab81-051d42cc4d9d',
   'ASSOCIATION_ADMIN', 'demo-data', now()),
  ('7a2c1d63-6b54-4d47-8b68-1d7f4f1c9b12', 'smocr', '${issuer}', 'bb355fc8-cbdd-4313-9827-26b8f3e05796',
   'UNION_ANALYST', 'demo-data', now())
ON CONFLICT (tenant_id, issuer, subject, role) DO NOTHING;
