-- twentyc core schema, version 3: unaccent_immutable(text) for search vectors (spec §8), only
-- when the unaccent extension is installed or this role may install it (it is a trusted
-- extension from PostgreSQL 13, so a role with CREATE on the database may). Without it, search
-- vectors use the same expression without unaccent (docs/compat.md); nothing here is required.
DO $migration$
DECLARE
    ext_schema text;
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS unaccent;
    EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'unaccent is not available (%); search vectors will not remove accents', SQLERRM;
    END;
    SELECT n.nspname INTO ext_schema
        FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'unaccent';
    IF ext_schema IS NOT NULL THEN
        -- unaccent() is STABLE (it reads a dictionary); generated columns need IMMUTABLE. Naming the
        -- dictionary explicitly makes the result independent of search_path, as Twenty does.
        EXECUTE format(
            'CREATE FUNCTION unaccent_immutable(input text) RETURNS text'
            ' LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS %L',
            format('SELECT %I.unaccent(%L::regdictionary, input)', ext_schema,
                   quote_ident(ext_schema) || '.unaccent'));
    END IF;
END
$migration$;
