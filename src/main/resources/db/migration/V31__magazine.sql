-- The magazine of good practice: articles with their workflow, the files they show (in the
-- database, under row-level security like every tenant table, so every replica serves them and
-- backups hold them), numbered issues, and the copies of articles shared with the parent union.

CREATE TABLE magazine_article (
  id                   uuid NOT NULL PRIMARY KEY,
  tenant_id            text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  -- The address of the article (/magazine/article?slug=...): made from the first title, kept
  -- when the title changes, so links stay valid.
  slug                 text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 90),
  title                text NOT NULL CHECK (title <> ''),
  title_en             text,
  perex                text NOT NULL,
  -- Sanitized HTML (OWASP Java HTML Sanitizer, on every save): never raw input.
  body                 text NOT NULL,
  -- Topic names and member municipality codes, each list between commas (",TRANSPORT,SMART,").
  topics               text NOT NULL DEFAULT ',',
  municipalities       text NOT NULL DEFAULT ',',
  audience             text NOT NULL CHECK (audience IN ('PUBLIC', 'MEMBERS')),
  status               text NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED')),
  lead_image_id        uuid,
  lead_image_alt       text,
  contact_code         text,
  contact_official_id  uuid,
  shared_with_union    boolean NOT NULL DEFAULT false,
  preview_token        text NOT NULL,
  created_at           timestamptz NOT NULL,
  created_by           text NOT NULL,
  created_by_name      text,
  submitted_at         timestamptz,
  scheduled_for        timestamptz,
  published_at         timestamptz,
  -- Set when a published article is edited: the page shows it as "updated".
  revised_at           timestamptz,
  archived_at          timestamptz,
  -- Lower-case text without accents of title, perex and body, for the search.
  search_text          text NOT NULL DEFAULT '',
  version              integer NOT NULL DEFAULT 0,
  CHECK (status <> 'SCHEDULED' OR scheduled_for IS NOT NULL),
  CHECK (status NOT IN ('PUBLISHED', 'ARCHIVED') OR published_at IS NOT NULL),
  CHECK (lead_image_id IS NULL OR (lead_image_alt IS NOT NULL AND lead_image_alt <> '')),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, slug),
  UNIQUE (tenant_id, preview_token)
);
CREATE INDEX magazine_article_published ON magazine_article (tenant_id, status, published_at DESC);
CREATE INDEX magazine_article_due ON magazine_article (tenant_id, scheduled_for) WHERE status = 'SCHEDULED';

-- A file of an article (its lead image, an image in its text, an attachment): what it is, decided
-- from its bytes; the bytes are in magazine_file_data.
CREATE TABLE magazine_file (
  id          uuid NOT NULL PRIMARY KEY,
  tenant_id   text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  article_id  uuid NOT NULL,
  file_type   text NOT NULL,
  media_type  text NOT NULL,
  filename    text NOT NULL CHECK (filename <> ''),
  size        bigint NOT NULL CHECK (size > 0),
  sha256      text NOT NULL,
  width       integer,
  height      integer,
  -- The text alternative of an image, or the title of an attachment.
  description text NOT NULL CHECK (description <> ''),
  attachment  boolean NOT NULL,
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL,
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, article_id) REFERENCES magazine_article (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX magazine_file_article ON magazine_file (tenant_id, article_id);

-- The bytes: a document as uploaded; an image only re-encoded (no camera metadata) in the widths
-- the pages use (width 0 is the largest kept).
CREATE TABLE magazine_file_data (
  id          uuid NOT NULL PRIMARY KEY,
  tenant_id   text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  file_id     uuid NOT NULL,
  width       integer NOT NULL CHECK (width >= 0),
  media_type  text NOT NULL,
  etag        text NOT NULL,
  content     bytea NOT NULL,
  UNIQUE (tenant_id, file_id, width),
  FOREIGN KEY (tenant_id, file_id) REFERENCES magazine_file (tenant_id, id) ON DELETE CASCADE
);

-- A numbered issue (2026/3): published articles in the editor's order; publishing it sends it.
CREATE TABLE magazine_issue (
  id           uuid NOT NULL PRIMARY KEY,
  tenant_id    text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  year         integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  number       integer NOT NULL CHECK (number BETWEEN 1 AND 999),
  title        text NOT NULL CHECK (title <> ''),
  -- The article ids in order, comma-separated.
  articles     text NOT NULL DEFAULT '',
  status       text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
  created_at   timestamptz NOT NULL,
  published_at timestamptz,
  version      integer NOT NULL DEFAULT 0,
  CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL)),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, year, number)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON magazine_article, magazine_file, magazine_file_data, magazine_issue TO ${appRole};
SELECT isolate_tenant_table('magazine_article');
SELECT isolate_tenant_table('magazine_file');
SELECT isolate_tenant_table('magazine_file_data');
SELECT isolate_tenant_table('magazine_issue');

-- A public article an association shares with its parent union: a read-only copy that the
-- association's own transactions keep (written when it is published, edited, archived or
-- unshared), so the union reads it without reading the association's tables. Its policy is the
-- one exception to isolate_tenant_table's: the owning association (tenant_id) reads and writes
-- its rows; the union (union_id) only reads them. Nothing personal is copied (no contact).
CREATE TABLE magazine_shared_article (
  id              uuid NOT NULL,
  tenant_id       text NOT NULL REFERENCES tenant (id) CHECK (tenant_id <> ''),
  union_id        text NOT NULL REFERENCES tenant (id) CHECK (union_id <> tenant_id),
  source_name_cs  text NOT NULL,
  source_name_en  text NOT NULL,
  slug            text NOT NULL,
  title           text NOT NULL,
  title_en        text,
  perex           text NOT NULL,
  body            text NOT NULL,
  topics          text NOT NULL,
  lead_image_id   uuid,
  lead_image_alt  text,
  published_at    timestamptz NOT NULL,
  revised_at      timestamptz,
  search_text     text NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, id) REFERENCES magazine_article (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX magazine_shared_article_union ON magazine_shared_article (union_id, published_at DESC);
GRANT SELECT, INSERT, UPDATE, DELETE ON magazine_shared_article TO ${appRole};
ALTER TABLE magazine_shared_article ENABLE ROW LEVEL SECURITY;
ALTER TABLE magazine_shared_article FORCE ROW LEVEL SECURITY;
CREATE POLICY shared_with_union_read ON magazine_shared_article FOR SELECT
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')
         OR union_id = nullif(current_setting('app.tenant_id', true), ''));
CREATE POLICY shared_with_union_insert ON magazine_shared_article FOR INSERT
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));
CREATE POLICY shared_with_union_update ON magazine_shared_article FOR UPDATE
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), ''))
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));
CREATE POLICY shared_with_union_delete ON magazine_shared_article FOR DELETE
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), ''));
