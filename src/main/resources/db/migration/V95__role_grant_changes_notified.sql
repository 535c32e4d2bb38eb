-- Every change of a role grant is announced on the channel role_grants ("tenant subject"), so that
-- every replica forgets the roles it keeps for that person (RoleCache). A trigger rather than the
-- code: grants also go with a person's erasure (ON DELETE CASCADE) and with any other path.
CREATE FUNCTION notify_role_grant_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM pg_notify('role_grants', OLD.tenant_id || ' ' || OLD.subject);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM pg_notify('role_grants', NEW.tenant_id || ' ' || NEW.subject);
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION notify_role_grant_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('role_grants', '*');
  RETURN NULL;
END
$$;

CREATE TRIGGER role_grant_changed AFTER INSERT OR UPDATE OR DELETE ON role_grant
  FOR EACH ROW EXECUTE FUNCTION notify_role_grant_change();
CREATE TRIGGER role_grant_truncated AFTER TRUNCATE ON role_grant
  FOR EACH STATEMENT EXECUTE FUNCTION notify_role_grant_truncate();
