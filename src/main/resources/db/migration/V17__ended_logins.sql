-- Keycloak sessions that ended (OpenID Connect back-channel logout), so that every replica ends
-- the web sessions that rest on them: the replica that Keycloak called writes a row, every
-- replica reads the recent rows every few seconds. A shared table, not a tenant's: a login spans
-- associations. No personal data beyond the Keycloak ids; rows older than the longest session
-- are deleted by the app.

CREATE TABLE ended_login (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  issuer      text NOT NULL,
  -- Keycloak's session id (the sid of the tokens); NULL when Keycloak ended every session of the
  -- subject (then each login of the subject issued before ended_at ends).
  sid         text,
  subject     text,
  ended_at    timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  CHECK (sid IS NOT NULL OR subject IS NOT NULL)
);
CREATE INDEX ended_login_received ON ended_login (received_at);

GRANT SELECT, INSERT, DELETE ON ended_login TO ${appRole};
