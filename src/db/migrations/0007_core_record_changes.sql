-- twentyc core schema, version 7: writes to a workspace's records announce themselves on
-- channel twentyc_records with the workspace schema's name, so each instance's totalCount cache
-- (src/query/count.h) stops serving counts of that schema. A statement-level trigger on every
-- workspace table sends it (meta/ddl.c adds it to each table it creates), so writes from
-- anywhere, psql included, are seen. pg_notify folds identical payloads of one transaction into
-- one notification, sent at commit.

CREATE FUNCTION records_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('twentyc_records', TG_TABLE_SCHEMA);
    RETURN NULL;
END
$$;

-- Workspace tables created before this version get the trigger too.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT n.nspname, c.relname
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname LIKE 'workspace\_%'
    LOOP
        EXECUTE format('CREATE TRIGGER "twentyc_records_changed" AFTER INSERT OR UPDATE OR DELETE '
                       'OR TRUNCATE ON %I.%I FOR EACH STATEMENT EXECUTE FUNCTION %I.records_changed()',
                       t.nspname, t.relname, current_schema());
    END LOOP;
END
$$;
