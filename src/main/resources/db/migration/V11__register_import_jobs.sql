-- Background imports of the municipality register, kept in the database rather than in the memory
-- of the replica that took the upload: any replica answers the progress bar's polls, and a job
-- whose replica died is seen to have stopped (no progress for a while) instead of running forever.
-- Platform data, like the register itself: no tenant, no row-level security.
CREATE TABLE register_import_job (
  id          uuid PRIMARY KEY,
  country     char(2) NOT NULL,
  year        integer NOT NULL,
  file_name   text,
  started_by  text NOT NULL,
  started_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  state       text NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
  done        integer NOT NULL CHECK (done >= 0),
  total       integer NOT NULL CHECK (total >= 0),
  report      text,
  error       text,
  CHECK (state <> 'DONE' OR report IS NOT NULL),
  CHECK (state <> 'FAILED' OR error IS NOT NULL)
);
CREATE INDEX register_import_job_started ON register_import_job (started_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON register_import_job TO ${appRole};
