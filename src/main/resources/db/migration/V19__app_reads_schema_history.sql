-- Serving replicas that do not migrate (db.migrate=false, migrations run as a Job with the owner's
-- password) become ready only once the schema is at least at the version they were built for:
-- they read Flyway's history as the application role, which may read it and nothing more.
GRANT SELECT ON flyway_schema_history TO ${appRole};
