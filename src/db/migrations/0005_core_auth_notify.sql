-- twentyc core schema, version 5: every change that can alter who a Bearer token stands for, or
-- what its role may do, announces itself on channel twentyc_auth with the workspace's id ('' for
-- a user, who may belong to several), so each instance's principal cache (src/auth/principals.h)
-- and permission-view cache (src/perm/cache.h) drop what they hold for that workspace.
-- pg_notify folds identical payloads of one transaction into one notification, at commit.

CREATE FUNCTION auth_changed_in_workspace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('twentyc_auth', OLD."workspaceId"::text);
    ELSE
        PERFORM pg_notify('twentyc_auth', NEW."workspaceId"::text);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION auth_changed_everywhere() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('twentyc_auth', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER "auth_changed" AFTER INSERT OR UPDATE OR DELETE ON "apiKey"
    FOR EACH ROW EXECUTE FUNCTION auth_changed_in_workspace();
CREATE TRIGGER "auth_changed" AFTER INSERT OR UPDATE OR DELETE ON "role"
    FOR EACH ROW EXECUTE FUNCTION auth_changed_in_workspace();
CREATE TRIGGER "auth_changed" AFTER INSERT OR UPDATE OR DELETE ON "roleTarget"
    FOR EACH ROW EXECUTE FUNCTION auth_changed_in_workspace();
CREATE TRIGGER "auth_changed" AFTER INSERT OR UPDATE OR DELETE ON "permissionFlag"
    FOR EACH ROW EXECUTE FUNCTION auth_changed_in_workspace();
CREATE TRIGGER "auth_changed" AFTER INSERT OR UPDATE OR DELETE ON "objectPermission"
    FOR EACH ROW EXECUTE FUNCTION auth_changed_in_workspace();
CREATE TRIGGER "auth_changed" AFTER INSERT OR UPDATE OR DELETE ON "fieldPermission"
    FOR EACH ROW EXECUTE FUNCTION auth_changed_in_workspace();
CREATE TRIGGER "auth_changed" AFTER INSERT OR UPDATE OR DELETE ON "userWorkspace"
    FOR EACH ROW EXECUTE FUNCTION auth_changed_in_workspace();
-- Only a user's disabling or deletion matters; a deleted workspace takes its keys, members and
-- roles with it (ON DELETE CASCADE fires the triggers above).
CREATE TRIGGER "auth_changed" AFTER UPDATE ON "user"
    FOR EACH ROW WHEN (OLD."disabled" IS DISTINCT FROM NEW."disabled"
                       OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt")
    EXECUTE FUNCTION auth_changed_everywhere();
CREATE TRIGGER "auth_changed_delete" AFTER DELETE ON "user"
    FOR EACH ROW EXECUTE FUNCTION auth_changed_everywhere();
