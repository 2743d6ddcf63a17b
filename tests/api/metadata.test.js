'use strict';
// The metadata REST API (/rest/metadata/objects, /rest/metadata/fields) against a throwaway
// cluster: authentication and workspace isolation, every creatable field type and what it
// compiles to in pg_catalog (spec/twenty-datamodel.md §1, §1.1, §1.3, §1.4, §2, §7, §10),
// relations both ways, renames and deletes, failed changes that must leave no trace, paging,
// validation bodies, and a seeded series of random changes checked by `twentyc doctor`.
//
// Every change is checked against core.workspace."metadataVersion" and core."workspaceMigration":
// a success adds exactly one to each, a failure adds nothing. Expected response items are built
// from the catalog rows (core."objectMetadata", core."fieldMetadata") in the contract's key order.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const h = require('./harness');

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_RE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const UNKNOWN_ID = '11111111-1111-4111-8111-111111111111';
const APP_SECRET = 'test-secret';

const ACTOR_SOURCES = ['EMAIL', 'CALENDAR', 'WORKFLOW', 'AGENT', 'API', 'IMPORT', 'MANUAL', 'SYSTEM', 'WEBHOOK', 'APPLICATION'];
// §1.1: composite sub-fields in declaration order; column = field + PascalCase(sub-field).
const COMPOSITES = {
  FULL_NAME: [['firstName', 'text'], ['lastName', 'text']],
  CURRENCY: [['amountMicros', 'numeric'], ['currencyCode', 'text']],
  LINKS: [['primaryLinkLabel', 'text'], ['primaryLinkUrl', 'text'], ['secondaryLinks', 'jsonb']],
  EMAILS: [['primaryEmail', 'text'], ['additionalEmails', 'jsonb']],
  PHONES: [['primaryPhoneNumber', 'text'], ['primaryPhoneCountryCode', 'text'], ['primaryPhoneCallingCode', 'text'],
    ['additionalPhones', 'jsonb']],
  ADDRESS: [['addressStreet1', 'text'], ['addressStreet2', 'text'], ['addressCity', 'text'], ['addressPostcode', 'text'],
    ['addressState', 'text'], ['addressCountry', 'text'], ['addressLat', 'numeric'], ['addressLng', 'numeric']],
  ACTOR: [['source', 'enum'], ['workspaceMemberId', 'uuid'], ['name', 'text'], ['context', 'jsonb']],
  RICH_TEXT_V2: [['blocknote', 'text'], ['markdown', 'text']],
};
// §1: the single column of each atomic type (pg_type.typname; 'enum' = "<table>_<column>_enum").
const ATOMIC = {
  UUID: 'uuid', TEXT: 'text', RICH_TEXT: 'text', NUMBER: 'float8', NUMERIC: 'numeric', BOOLEAN: 'bool',
  DATE_TIME: 'timestamptz', DATE: 'date', RAW_JSON: 'jsonb', ARRAY: 'text[]', FILES: 'jsonb',
  SELECT: 'enum', MULTI_SELECT: 'enum[]', RATING: 'enum',
};
// §1.4 / contract: the creatable types (all but TS_VECTOR, POSITION, MORPH_RELATION).
const CREATABLE = ['UUID', 'TEXT', 'RICH_TEXT', 'RICH_TEXT_V2', 'NUMBER', 'NUMERIC', 'BOOLEAN', 'DATE_TIME', 'DATE',
  'RAW_JSON', 'ARRAY', 'FILES', 'SELECT', 'MULTI_SELECT', 'RATING', 'RELATION', 'LINKS', 'CURRENCY', 'FULL_NAME',
  'ADDRESS', 'ACTOR', 'EMAILS', 'PHONES'];
// §10 / contract: what a new custom object gets on the five "default relation" objects.
const DEFAULT_RELATIONS = [
  ['timelineActivities', 'timelineActivity', true],
  ['favorites', 'favorite', false],
  ['attachments', 'attachment', true],
  ['noteTargets', 'noteTarget', true],
  ['taskTargets', 'taskTarget', true],
];

const cap = (s) => s[0].toUpperCase() + s.slice(1);
const qi = (name) => (/^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`);
const sorted = (list) => [...list].sort();
const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
// §7: IDX_ (IDX_UNIQUE_) + the first 27 hex digits of sha256(table || tokens...).
const indexName = (table, tokens, unique = false) =>
  (unique ? 'IDX_UNIQUE_' : 'IDX_') + crypto.createHash('sha256').update(table + tokens.join('')).digest('hex').slice(0, 27);
const okRun = (r, what) => {
  assert.equal(h.sanitizerReport(r.stderr), '', `${what}: sanitizer report`);
  assert.equal(r.code, 0, `${what}: exit ${r.code} ${r.signal || ''}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
};

// Twenty's METADATA_VALIDATION_ERROR body.
function validationBody(kind, action, code, message) {
  const metadataName = `${kind}Metadata`;
  const verb = { create: 'creating', update: 'updating', delete: 'deleting' }[action];
  return {
    statusCode: 400,
    error: 'METADATA_VALIDATION_ERROR',
    message: `Multiple validation errors occurred while ${verb} ${kind}`,
    errors: { [metadataName]: [{ type: action, metadataName, errors: [{ code, message, userFriendlyMessage: message }] }] },
    summary: { totalErrors: 1, [metadataName]: 1 },
    userFriendlyMessage: message,
  };
}
const objectNotFound = { statusCode: 404, error: 'NotFoundException', messages: ['Object metadata not found'], code: 'OBJECT_METADATA_NOT_FOUND' };
const fieldNotFound = { statusCode: 404, error: 'NotFoundException', messages: ['Field metadata not found'], code: 'FIELD_METADATA_NOT_FOUND' };
const notUuid = { message: 'Validation failed (uuid is expected)', error: 'Bad Request', statusCode: 400 };
const missingToken = { statusCode: 403, messages: ['Missing authentication token'], error: 'FORBIDDEN_EXCEPTION' };

// Seeded PRNG (mulberry32).
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

describe('metadata REST API', { timeout: 180000 }, () => {
  let cluster;
  let server;
  const ws = {}; // A, B: { id, schema, token, keyId }
  const env = (secret = APP_SECRET) => ({ PG_DATABASE_URL: cluster.url, APP_SECRET: secret });
  const cli = (args, secret) => h.runCli(args, { env: env(secret) });
  const sql = (text) => cluster.psql(text);
  const json = (text) => JSON.parse(cluster.psql(text).trim() || 'null');

  // ---- HTTP -----------------------------------------------------------------------------------

  async function call(token, method, path, body) {
    const headers = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await h.request(server.base, path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    h.assertJsonHeaders(res.headers);
    assert.ok(res.json !== undefined, `${method} ${path}: body is not JSON: ${res.text}`);
    return res;
  }
  const api = (method, path, body) => call(ws.A.token, method, path, body);
  const show = (res) => `${res.status} ${res.text.slice(0, 2000)}`;

  // ---- catalog --------------------------------------------------------------------------------

  // What every change touches, for one workspace.
  const state = (w) => json(`SELECT json_build_object(
      'version', (SELECT "metadataVersion" FROM core.workspace WHERE id = '${w.id}'),
      'migrations', (SELECT count(*) FROM core."workspaceMigration" WHERE "workspaceId" = '${w.id}'),
      'objects', (SELECT count(*) FROM core."objectMetadata" WHERE "workspaceId" = '${w.id}'),
      'fields', (SELECT count(*) FROM core."fieldMetadata" WHERE "workspaceId" = '${w.id}'),
      'indexes', (SELECT count(*) FROM core."indexMetadata" WHERE "workspaceId" = '${w.id}'),
      'columns', (SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                  WHERE c.relnamespace = '${w.schema}'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped),
      'relations', (SELECT count(*) FROM pg_class WHERE relnamespace = '${w.schema}'::regnamespace),
      'types', (SELECT count(*) FROM pg_type WHERE typnamespace = '${w.schema}'::regnamespace),
      'constraints', (SELECT count(*) FROM pg_constraint WHERE connamespace = '${w.schema}'::regnamespace))`);
  const version = (w) => json(`SELECT json_build_object('version', "metadataVersion",
      'migrations', (SELECT count(*) FROM core."workspaceMigration" WHERE "workspaceId" = w.id))
    FROM core.workspace w WHERE id = '${w.id}'`);

  // A change request that must succeed (status 200/201): metadataVersion and the
  // workspaceMigration log each grow by exactly one.
  async function change(method, path, body, status, w = ws.A) {
    const v0 = version(w);
    const res = await call(w.token, method, path, body);
    assert.equal(res.status, status, `${method} ${path} ${JSON.stringify(body)}: ${show(res)}`);
    assert.deepEqual(version(w), { version: v0.version + 1, migrations: v0.migrations + 1 },
      `${method} ${path}: one version bump and one workspaceMigration row`);
    return res.json;
  }
  // A change request that must fail with status and body (when given): nothing changes.
  async function refused(method, path, body, status, expectedBody, w = ws.A, token = w.token) {
    const s0 = state(w);
    const res = await call(token, method, path, body);
    assert.equal(res.status, status, `${method} ${path} ${JSON.stringify(body)}: ${show(res)}`);
    if (expectedBody !== undefined) assert.deepEqual(res.json, expectedBody, `${method} ${path} ${JSON.stringify(body)}`);
    else assert.equal(res.json.statusCode, status, `statusCode in ${show(res)}`);
    assert.deepEqual(state(w), s0, `${method} ${path}: a refused change leaves no trace`);
    return res.json;
  }

  const ts = (c) => `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const fieldRows = (where) => json(`SELECT coalesce(json_agg(to_jsonb(f) || jsonb_build_object(
      'createdAt', ${ts('f."createdAt"')}, 'updatedAt', ${ts('f."updatedAt"')}) ORDER BY f.id DESC), '[]')
    FROM core."fieldMetadata" f WHERE ${where}`);
  const objectRows = (where) => json(`SELECT coalesce(json_agg(to_jsonb(o) || jsonb_build_object(
      'createdAt', ${ts('o."createdAt"')}, 'updatedAt', ${ts('o."updatedAt"')}) ORDER BY o.id DESC), '[]')
    FROM core."objectMetadata" o WHERE ${where}`);
  const fieldRow = (id) => fieldRows(`f.id = '${id}'`)[0];
  const objectRow = (id) => objectRows(`o.id = '${id}'`)[0];
  const fieldByName = (objectId, name) =>
    fieldRows(`f."objectMetadataId" = '${objectId}' AND f.name = '${name}'`)[0];
  const objectByName = (w, name) => objectRows(`o."workspaceId" = '${w.id}' AND o."nameSingular" = '${name}'`)[0];

  // The contract's field item, from a catalog row.
  function fieldItem(r) {
    const it = {
      id: r.id, universalIdentifier: r.universalIdentifier, label: r.label, name: r.name,
      objectMetadataId: r.objectMetadataId, type: r.type, workspaceId: r.workspaceId, defaultValue: r.defaultValue,
      isActive: r.isActive, isCustom: r.isCustom, isLabelSyncedWithName: r.isLabelSyncedWithName, isSystem: r.isSystem,
      isUIEditable: r.isUIEditable, isUIReadOnly: !r.isUIEditable, options: r.options,
      createdAt: r.createdAt, updatedAt: r.updatedAt,
    };
    if (r.description !== null) it.description = r.description;
    if (r.icon !== null) it.icon = r.icon;
    it.isNullable = r.isNullable;
    it.isUnique = r.isUnique;
    if (r.settings !== null) it.settings = r.settings;
    if (r.morphId !== null) it.morphId = r.morphId;
    return it;
  }
  // The contract's object item, from a catalog row (with its fields unless withFields is false).
  function objectItem(r, withFields = true) {
    const it = {
      id: r.id, universalIdentifier: r.universalIdentifier, isActive: r.isActive, isCustom: r.isCustom,
      isLabelSyncedWithName: r.isLabelSyncedWithName, isRemote: r.isRemote, isSearchable: r.isSearchable,
      isSystem: r.isSystem, isUIEditable: r.isUIEditable, isUICreatable: r.isUICreatable, isUIReadOnly: !r.isUIEditable,
      labelPlural: r.labelPlural, labelSingular: r.labelSingular, namePlural: r.namePlural, nameSingular: r.nameSingular,
      workspaceId: r.workspaceId, imageIdentifierFieldMetadataId: r.imageIdentifierFieldMetadataId,
      labelIdentifierFieldMetadataId: r.labelIdentifierFieldMetadataId, createdAt: r.createdAt, updatedAt: r.updatedAt,
    };
    for (const k of ['description', 'icon', 'shortcut', 'duplicateCriteria']) if (r[k] !== null) it[k] = r[k];
    if (withFields) it.fields = fieldRows(`f."objectMetadataId" = '${r.id}'`).map(fieldItem);
    return it;
  }
  // Asserts a field item: keys in the contract's order, values as the catalog has them.
  function assertFieldItem(got, expected, what) {
    assert.deepEqual(Object.keys(got), Object.keys(expected), `${what}: keys and their order`);
    assert.deepEqual(got, expected, what);
    assert.match(got.createdAt, ISO_RE, `${what}: createdAt`);
    assert.match(got.updatedAt, ISO_RE, `${what}: updatedAt`);
  }
  // Asserts an object item; its fields compared whatever their order, each with keys in order.
  function assertObjectItem(got, expected, what) {
    assert.deepEqual(Object.keys(got), Object.keys(expected), `${what}: keys and their order`);
    const norm = (o) => (o.fields ? { ...o, fields: [...o.fields].sort(byId) } : o);
    assert.deepEqual(norm(got), norm(expected), what);
    for (const f of got.fields || []) {
      const e = expected.fields.find((x) => x.id === f.id);
      if (e) assert.deepEqual(Object.keys(f), Object.keys(e), `${what}: keys of field ${f.name}`);
    }
    assert.match(got.createdAt, ISO_RE, `${what}: createdAt`);
  }

  // Columns of a table: { column: {type, nullable, default} }; type is the typname ("x[]" for
  // arrays), prefixed "<schema>." when the type lives in the workspace schema.
  const columns = (w, table) => json(`SELECT coalesce(json_object_agg(a.attname, json_build_object(
        'type', CASE WHEN t.typcategory = 'A' THEN
                  (CASE WHEN en.nspname = '${w.schema}' THEN en.nspname || '.' ELSE '' END) || et.typname || '[]'
                ELSE (CASE WHEN n.nspname = '${w.schema}' THEN n.nspname || '.' ELSE '' END) || t.typname END,
        'nullable', NOT a.attnotnull,
        'default', pg_get_expr(d.adbin, d.adrelid))), '{}')
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_type t ON t.oid = a.atttypid JOIN pg_namespace n ON n.oid = t.typnamespace
      LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
      LEFT JOIN pg_namespace en ON en.oid = et.typnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE c.relnamespace = '${w.schema}'::regnamespace AND c.relname = '${table}' AND a.attnum > 0 AND NOT a.attisdropped`);
  const tableExists = (w, table) =>
    sql(`SELECT count(*) FROM pg_class WHERE relnamespace = '${w.schema}'::regnamespace AND relname = '${table}' AND relkind = 'r'`).trim() === '1';
  // Enum types of the workspace schema whose name starts with prefix: { name: [labels] }.
  const enums = (w, prefix = '') => json(`SELECT coalesce(json_object_agg(t.typname, (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder)
        FROM pg_enum e WHERE e.enumtypid = t.oid)), '{}')
      FROM pg_type t WHERE t.typnamespace = '${w.schema}'::regnamespace AND t.typtype = 'e'
        AND starts_with(t.typname, '${prefix}')`);
  // Foreign keys of a table: [{column, references, onDelete}].
  const foreignKeys = (w, table) => json(`SELECT coalesce(json_agg(json_build_object(
        'column', (SELECT string_agg(a.attname, ',') FROM unnest(c.conkey) k(n) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n),
        'references', rt.relname,
        'refColumns', (SELECT string_agg(a.attname, ',') FROM unnest(c.confkey) k(n)
                       JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n),
        'onDelete', c.confdeltype) ORDER BY 1), '[]')
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class rt ON rt.oid = c.confrelid
      WHERE c.contype = 'f' AND t.relnamespace = '${w.schema}'::regnamespace AND t.relname = '${table}'`);
  // Indexes of a table: [{name, unique, method, columns}].
  const indexes = (w, table) => json(`SELECT coalesce(json_agg(json_build_object('name', i.relname, 'unique', x.indisunique,
        'method', am.amname, 'columns', (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(n, ord)
          JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n)) ORDER BY i.relname), '[]')
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_am am ON am.oid = i.relam
      WHERE t.relnamespace = '${w.schema}'::regnamespace AND t.relname = '${table}' AND NOT x.indisprimary`);
  // Every foreign-key column of the schema leads a btree index: [] when so, else the culprits.
  const unindexedForeignKeys = (w) => json(`SELECT coalesce(json_agg(t.relname || '.' || a.attname), '[]')
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND t.relnamespace = '${w.schema}'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indrelid = c.conrelid AND x.indkey[0] = c.conkey[1])`);

  async function doctor(w) {
    const r = await cli(['doctor', '--workspace', w.id]);
    assert.equal(h.sanitizerReport(r.stderr), '', 'doctor: sanitizer report');
    return r;
  }
  async function assertNoDrift(w, what) {
    const r = await doctor(w);
    assert.equal(r.code, 0, `${what}: doctor exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
    assert.equal(r.stdout, `workspace ${w.id} (${w.schema}): no drift\n`, what);
  }

  async function createWorkspace(name) {
    const r = await cli(['workspace', 'create', '--name', name]);
    okRun(r, `workspace create ${name}`);
    const id = r.stdout.trim();
    assert.match(id, UUID_RE);
    const schema = sql(`SELECT "databaseSchema" FROM core.workspace WHERE id = '${id}'`).trim();
    return { id, schema };
  }
  async function createKey(w, name, extra = [], secret = APP_SECRET) {
    const r = await cli(['apikey', 'create', '--workspace', w.id, '--name', name, ...extra], secret);
    okRun(r, `apikey create ${name}`);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    assert.equal(lines.length, 2, `apikey create prints the id and the token:\n${r.stdout}`);
    assert.match(lines[0], UUID_RE);
    assert.match(lines[1], /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    return { keyId: lines[0], token: lines[1] };
  }

  // Creates a custom object through the API; returns the response item.
  const createObject = (nameSingular, namePlural, extra = {}) => change('POST', '/rest/metadata/objects',
    { nameSingular, namePlural, labelSingular: cap(nameSingular), labelPlural: cap(namePlural), ...extra }, 201);
  const createField = (body) => change('POST', '/rest/metadata/fields', body, 201);

  before(async () => {
    cluster = await h.startCluster();
    Object.assign(ws, { A: await createWorkspace('Alpha'), B: await createWorkspace('Beta') });
    Object.assign(ws.A, await createKey(ws.A, 'alpha key'));
    Object.assign(ws.B, await createKey(ws.B, 'beta key'));
    server = await h.startServer({ env: { PG_DATABASE_URL: cluster.url, APP_SECRET } });
  });

  after(async () => {
    if (server) {
      const code = await server.stop();
      assert.equal(h.sanitizerReport(server.stderr()), '', 'server: sanitizer report');
      assert.equal(code, 0, `server exit: ${code}`);
    }
    if (cluster) cluster.destroy();
  });

  // ---- 1. authentication and workspace isolation -----------------------------------------------

  describe('authentication', () => {
    for (const path of ['/rest/metadata/objects', '/rest/metadata/fields', `/rest/metadata/objects/${UNKNOWN_ID}`]) {
      it(`GET ${path} without Authorization: 403 missing token`, async () => {
        const res = await call(null, 'GET', path);
        assert.equal(res.status, 403);
        assert.deepEqual(res.json, missingToken);
      });
    }

    it('a change without Authorization is refused with 403 and changes nothing', async () => {
      await refused('POST', '/rest/metadata/objects',
        { nameSingular: 'ghost', namePlural: 'ghosts', labelSingular: 'Ghost', labelPlural: 'Ghosts' }, 403, missingToken, ws.A, null);
    });

    it('a token in the query string is ignored: 403 missing token', async () => {
      const res = await call(null, 'GET', `/rest/metadata/objects?token=${ws.A.token}`);
      assert.equal(res.status, 403);
      assert.deepEqual(res.json, missingToken);
    });

    it('a malformed token: 401 Token invalid.', async () => {
      for (const token of ['garbage', `${ws.A.token}x`, ws.A.token.split('.').slice(0, 2).join('.')]) {
        const res = await call(token, 'GET', '/rest/metadata/objects');
        assert.equal(res.status, 401, token);
        assert.deepEqual(res.json, { statusCode: 401, messages: ['Token invalid.'], error: 'UNAUTHENTICATED' });
      }
    });

    it('a token signed with another APP_SECRET: 401 Token invalid.', async () => {
      const { token } = await createKey(ws.A, 'foreign key', [], 'another-secret');
      const res = await call(token, 'GET', '/rest/metadata/objects');
      assert.equal(res.status, 401);
      assert.deepEqual(res.json, { statusCode: 401, messages: ['Token invalid.'], error: 'UNAUTHENTICATED' });
    });

    it('an expired key: 401 Token has expired.', async () => {
      const { token } = await createKey(ws.A, 'old key', ['--expires', '2001-01-01']);
      const res = await call(token, 'GET', '/rest/metadata/objects');
      assert.equal(res.status, 401);
      assert.deepEqual(res.json, { statusCode: 401, messages: ['Token has expired.'], error: 'UNAUTHENTICATED' });
    });

    it('a key works until `apikey revoke`, then 403 revoked at once', async () => {
      const { keyId, token } = await createKey(ws.A, 'short-lived key', ['--expires', '2999-12-31']);
      const ok = await call(token, 'GET', '/rest/metadata/objects?limit=1');
      assert.equal(ok.status, 200, show(ok));
      const r = await cli(['apikey', 'revoke', keyId]);
      okRun(r, 'apikey revoke');
      for (const path of ['/rest/metadata/objects?limit=1', '/rest/metadata/fields?limit=1']) {
        const res = await call(token, 'GET', path);
        assert.equal(res.status, 403, show(res));
        assert.deepEqual(res.json, { statusCode: 403, messages: ['This API Key is revoked'], error: 'FORBIDDEN_EXCEPTION' });
      }
      await refused('POST', '/rest/metadata/objects',
        { nameSingular: 'ghost', namePlural: 'ghosts', labelSingular: 'Ghost', labelPlural: 'Ghosts' }, 403,
        { statusCode: 403, messages: ['This API Key is revoked'], error: 'FORBIDDEN_EXCEPTION' }, ws.A, token);
    });

    describe('workspace isolation', () => {
      let bObject;
      let bField;
      before(async () => {
        bObject = await change('POST', '/rest/metadata/objects',
          { nameSingular: 'betaThing', namePlural: 'betaThings', labelSingular: 'Beta thing', labelPlural: 'Beta things' }, 201, ws.B);
        bField = bObject.fields.find((f) => f.name === 'name');
      });

      it("A's token lists exactly A's objects and fields, B's token exactly B's", async () => {
        for (const [w, other] of [[ws.A, ws.B], [ws.B, ws.A]]) {
          const objects = (await call(w.token, 'GET', '/rest/metadata/objects')).json;
          const fields = (await call(w.token, 'GET', '/rest/metadata/fields')).json;
          const ownObjects = json(`SELECT json_agg(id ORDER BY id DESC) FROM core."objectMetadata" WHERE "workspaceId" = '${w.id}'`);
          const ownFields = json(`SELECT json_agg(id ORDER BY id DESC) FROM core."fieldMetadata" WHERE "workspaceId" = '${w.id}'`);
          assert.deepEqual(objects.data.map((o) => o.id), ownObjects);
          assert.equal(objects.totalCount, ownObjects.length);
          assert.deepEqual(fields.data.map((f) => f.id), ownFields);
          assert.equal(fields.totalCount, ownFields.length);
          assert.ok(objects.data.every((o) => o.workspaceId === w.id && o.fields.every((f) => f.workspaceId === w.id)));
          assert.ok(fields.data.every((f) => f.workspaceId === w.id));
          assert.ok(!objects.data.some((o) => o.workspaceId === other.id));
        }
      });

      it("B's object and field requested with A's token: 404, and B is left as it was", async () => {
        let res = await call(ws.A.token, 'GET', `/rest/metadata/objects/${bObject.id}`);
        assert.equal(res.status, 404, show(res));
        assert.deepEqual(res.json, objectNotFound);
        res = await call(ws.A.token, 'GET', `/rest/metadata/fields/${bField.id}`);
        assert.equal(res.status, 404, show(res));
        assert.deepEqual(res.json, fieldNotFound);

        const b0 = state(ws.B);
        const a0 = state(ws.A);
        res = await call(ws.A.token, 'PATCH', `/rest/metadata/objects/${bObject.id}`, { labelSingular: 'Stolen' });
        assert.equal(res.status, 404, show(res));
        assert.deepEqual(res.json, objectNotFound);
        res = await call(ws.A.token, 'DELETE', `/rest/metadata/objects/${bObject.id}`);
        assert.equal(res.status, 404, show(res));
        assert.deepEqual(res.json, objectNotFound);
        res = await call(ws.A.token, 'DELETE', `/rest/metadata/fields/${bField.id}`);
        assert.equal(res.status, 404, show(res));
        assert.deepEqual(res.json, fieldNotFound);
        res = await call(ws.A.token, 'PATCH', `/rest/metadata/fields/${bField.id}`, { label: 'Stolen' });
        assert.equal(res.status, 400, show(res));
        assert.deepEqual(res.json, validationBody('field', 'update', 'FIELD_METADATA_NOT_FOUND', 'field metadata to update not found'));
        res = await call(ws.A.token, 'POST', '/rest/metadata/fields',
          { objectMetadataId: bObject.id, type: 'TEXT', name: 'intruder', label: 'Intruder' });
        assert.ok(res.status >= 400 && res.status < 500, `field on B's object with A's token: ${show(res)}`);
        assert.equal(res.json.statusCode, res.status);
        assert.deepEqual(state(ws.B), b0, 'B untouched');
        assert.deepEqual(state(ws.A), a0, 'A untouched');
        assert.deepEqual(objectItem(objectRow(bObject.id)).labelSingular, 'Beta thing');
        assert.equal(fieldRow(bField.id).label, 'Name');
      });

      it("B's own token still sees its object as it was", async () => {
        const res = await call(ws.B.token, 'GET', `/rest/metadata/objects/${bObject.id}`);
        assert.equal(res.status, 200, show(res));
        assertObjectItem(res.json, objectItem(objectRow(bObject.id)), 'beta object');
      });
    });
  });

  // ---- listing ---------------------------------------------------------------------------------

  describe('listing', () => {
    it('GET /rest/metadata/objects is the catalog, whole body, sorted by id descending', async () => {
      const res = await api('GET', '/rest/metadata/objects');
      assert.equal(res.status, 200, show(res));
      const rows = objectRows(`o."workspaceId" = '${ws.A.id}'`);
      const expected = rows.map((r) => objectItem(r));
      assert.deepEqual(Object.keys(res.json), ['data', 'pageInfo', 'totalCount']);
      assert.deepEqual(Object.keys(res.json.pageInfo), ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor']);
      assert.deepEqual(res.json.pageInfo,
        { hasNextPage: false, hasPreviousPage: false, startCursor: rows[0].id, endCursor: rows[rows.length - 1].id });
      assert.equal(res.json.totalCount, rows.length);
      assert.deepEqual(res.json.data.map((o) => o.id), rows.map((r) => r.id));
      res.json.data.forEach((o, i) => assertObjectItem(o, expected[i], o.nameSingular));
    });

    it('GET /rest/metadata/objects/:id and /rest/metadata/fields/:id: bare items', async () => {
      const company = objectByName(ws.A, 'company');
      let res = await api('GET', `/rest/metadata/objects/${company.id}`);
      assert.equal(res.status, 200, show(res));
      assertObjectItem(res.json, objectItem(company), 'company');
      const field = fieldByName(company.id, 'accountOwner');
      res = await api('GET', `/rest/metadata/fields/${field.id}`);
      assert.equal(res.status, 200, show(res));
      assertFieldItem(res.json, fieldItem(field), 'company.accountOwner');
      assert.deepEqual(res.json.settings, { relationType: 'MANY_TO_ONE', onDelete: 'SET_NULL', joinColumnName: 'accountOwnerId' });
      const morph = fieldByName(objectByName(ws.A, 'taskTarget').id, 'targetPerson');
      res = await api('GET', `/rest/metadata/fields/${morph.id}`);
      assertFieldItem(res.json, fieldItem(morph), 'taskTarget.targetPerson');
      assert.match(res.json.morphId, UUID_RE);
    });

    it('unknown and malformed ids', async () => {
      for (const [path, body] of [[`/rest/metadata/objects/${UNKNOWN_ID}`, objectNotFound], [`/rest/metadata/fields/${UNKNOWN_ID}`, fieldNotFound],
        ['/rest/metadata/objects/nope', notUuid], ['/rest/metadata/fields/nope', notUuid],
        [`/rest/metadata/objects/${UNKNOWN_ID}x`, notUuid]]) {
        const res = await api('GET', path);
        assert.equal(res.status, body.statusCode, `${path}: ${show(res)}`);
        assert.deepEqual(res.json, body, path);
      }
      for (const method of ['PATCH', 'DELETE']) {
        for (const kind of ['objects', 'fields']) {
          await refused(method, `/rest/metadata/${kind}/nope`, method === 'PATCH' ? { label: 'x' } : undefined, 400, notUuid);
        }
      }
      await refused('DELETE', `/rest/metadata/objects/${UNKNOWN_ID}`, undefined, 404, objectNotFound);
      await refused('DELETE', `/rest/metadata/fields/${UNKNOWN_ID}`, undefined, 404, fieldNotFound);
      await refused('PATCH', `/rest/metadata/fields/${UNKNOWN_ID}`, { label: 'x' }, 400,
        validationBody('field', 'update', 'FIELD_METADATA_NOT_FOUND', 'field metadata to update not found'));
    });

    it('limit: default, clamped to 1000, non-integer refused', async () => {
      const all = (await api('GET', '/rest/metadata/fields')).json;
      assert.ok(all.totalCount > 100 && all.totalCount < 1000, `totalCount ${all.totalCount}`);
      assert.equal(all.data.length, all.totalCount);
      const big = (await api('GET', '/rest/metadata/fields?limit=5000')).json;
      assert.deepEqual(big.data.map((f) => f.id), all.data.map((f) => f.id));
      assert.equal(big.pageInfo.hasNextPage, false);
      const two = (await api('GET', '/rest/metadata/objects?limit=2')).json;
      assert.equal(two.data.length, 2);
      assert.equal(two.pageInfo.hasNextPage, true);
      for (const bad of ['abc', '1.5', '2x']) {
        for (const kind of ['objects', 'fields']) {
          const res = await api('GET', `/rest/metadata/${kind}?limit=${bad}`);
          assert.equal(res.status, 400, show(res));
          assert.deepEqual(res.json, {
            statusCode: 400, error: 'BadRequestException', messages: [`limit '${bad}' is invalid. Should be an integer`],
            code: 'INVALID_LIMIT_QUERY_PARAM',
          });
        }
      }
    });

    it('cursor errors', async () => {
      const id = (await api('GET', '/rest/metadata/fields?limit=1')).json.data[0].id;
      for (const kind of ['objects', 'fields']) {
        let res = await api('GET', `/rest/metadata/${kind}?starting_after=${id}&ending_before=${id}`);
        assert.equal(res.status, 400, show(res));
        assert.deepEqual(res.json,
          { message: "'starting_after' and 'ending_before' cannot be used together.", error: 'Bad Request', statusCode: 400 });
        for (const q of ['starting_after', 'ending_before']) {
          res = await api('GET', `/rest/metadata/${kind}?${q}=zz`);
          assert.equal(res.status, 400, show(res));
          assert.deepEqual(res.json, { message: 'Invalid cursor: zz', error: 'Bad Request', statusCode: 400 });
        }
      }
    });
  });

  // ---- 2. a field of every creatable type ------------------------------------------------------

  // The custom object every type is created on; renamed to spaceship in section 4.
  const rocket = {};

  describe('custom object creation (§2, §10)', () => {
    it('POST /rest/metadata/objects: 201, the object with its standard fields', async () => {
      const before0 = state(ws.A);
      const body = await createObject('rocket', 'rockets', { description: 'Things that fly', icon: 'IconRocket', shortcut: 'R' });
      Object.assign(rocket, { id: body.id, table: '_rocket' });
      const row = objectRow(body.id);
      assertObjectItem(body, objectItem(row), 'created object');
      assert.deepEqual({
        isCustom: body.isCustom, isActive: body.isActive, isSystem: body.isSystem, isRemote: body.isRemote,
        nameSingular: body.nameSingular, namePlural: body.namePlural, labelSingular: body.labelSingular, labelPlural: body.labelPlural,
        description: body.description, icon: body.icon, shortcut: body.shortcut, workspaceId: body.workspaceId,
      }, {
        isCustom: true, isActive: true, isSystem: false, isRemote: false, nameSingular: 'rocket', namePlural: 'rockets',
        labelSingular: 'Rocket', labelPlural: 'Rockets', description: 'Things that fly', icon: 'IconRocket', shortcut: 'R', workspaceId: ws.A.id,
      });
      const types = Object.fromEntries(body.fields.map((f) => [f.name, f.type]));
      assert.deepEqual(types, {
        id: 'UUID', name: 'TEXT', createdAt: 'DATE_TIME', updatedAt: 'DATE_TIME', deletedAt: 'DATE_TIME', createdBy: 'ACTOR',
        updatedBy: 'ACTOR', position: 'POSITION', searchVector: 'TS_VECTOR', timelineActivities: 'RELATION',
        favorites: 'RELATION', attachments: 'RELATION', noteTargets: 'RELATION', taskTargets: 'RELATION',
      });
      const nameField = body.fields.find((f) => f.name === 'name');
      assert.equal(body.labelIdentifierFieldMetadataId, nameField.id, 'name is the label identifier');
      for (const [name] of DEFAULT_RELATIONS) {
        assert.deepEqual(body.fields.find((f) => f.name === name).settings, { relationType: 'ONE_TO_MANY' }, name);
      }
      // GET answers the same item.
      const res = await api('GET', `/rest/metadata/objects/${body.id}`);
      assert.equal(res.status, 200);
      assertObjectItem(res.json, objectItem(objectRow(body.id)), 'GET created object');
      const after0 = state(ws.A);
      assert.equal(after0.objects, before0.objects + 1);
    });

    it('table "_rocket": the §2 columns of a custom object', () => {
      const enumOf = (c) => `'MANUAL'::${ws.A.schema}.${qi(`_rocket_${c}_enum`)}`;
      const actor = (p) => ({
        [`${p}Source`]: { type: `${ws.A.schema}._rocket_${p}Source_enum`, nullable: false, default: enumOf(`${p}Source`) },
        [`${p}WorkspaceMemberId`]: { type: 'uuid', nullable: true, default: null },
        [`${p}Name`]: { type: 'text', nullable: false, default: "''::text" },
        [`${p}Context`]: { type: 'jsonb', nullable: true, default: null },
      });
      const got = columns(ws.A, '_rocket');
      assert.ok(got.searchVector && got.searchVector.default.startsWith('to_tsvector('), `searchVector: ${JSON.stringify(got.searchVector)}`);
      got.searchVector.default = '(generated)';
      assert.deepEqual(got, {
        id: { type: 'uuid', nullable: false, default: 'gen_random_uuid()' },
        name: { type: 'text', nullable: true, default: null },
        createdAt: { type: 'timestamptz', nullable: false, default: 'now()' },
        updatedAt: { type: 'timestamptz', nullable: false, default: 'now()' },
        deletedAt: { type: 'timestamptz', nullable: true, default: null },
        ...actor('createdBy'),
        ...actor('updatedBy'),
        position: { type: 'float8', nullable: false, default: '0' },
        searchVector: { type: 'tsvector', nullable: true, default: '(generated)' },
      });
      assert.deepEqual(enums(ws.A, '_rocket_'), { _rocket_createdBySource_enum: ACTOR_SOURCES, _rocket_updatedBySource_enum: ACTOR_SOURCES });
      const ix = indexes(ws.A, '_rocket');
      assert.ok(ix.some((x) => x.name === indexName('_rocket', ['searchVector']) && x.method === 'gin' && x.columns[0] === 'searchVector'),
        `GIN index on searchVector (§7): ${JSON.stringify(ix)}`);
    });

    it('default relations: join columns, FKs ON DELETE CASCADE, fields pointing at each other', () => {
      for (const [name, target, morph] of DEFAULT_RELATIONS) {
        const column = morph ? 'targetRocketId' : 'rocketId';
        const fieldName = morph ? 'targetRocket' : 'rocket';
        assert.deepEqual(columns(ws.A, target)[column], { type: 'uuid', nullable: true, default: null }, `${target}.${column}`);
        const fk = foreignKeys(ws.A, target).filter((x) => x.column === column);
        assert.deepEqual(fk, [{ column, references: '_rocket', refColumns: 'id', onDelete: 'c' }], `${target}.${column} FK`);
        const one = fieldByName(rocket.id, name);
        const targetObject = objectByName(ws.A, target);
        const many = fieldByName(targetObject.id, fieldName);
        assert.ok(many, `${target}.${fieldName} exists`);
        assert.deepEqual({
          oneTarget: one.relationTargetFieldMetadataId, oneObject: one.relationTargetObjectMetadataId,
          manyTarget: many.relationTargetFieldMetadataId, manyObject: many.relationTargetObjectMetadataId,
          manyType: many.type, manySettings: many.settings,
        }, {
          oneTarget: many.id, oneObject: targetObject.id, manyTarget: one.id, manyObject: rocket.id,
          manyType: morph ? 'MORPH_RELATION' : 'RELATION',
          manySettings: { relationType: 'MANY_TO_ONE', onDelete: 'CASCADE', joinColumnName: column },
        }, `${name} <-> ${target}.${fieldName}`);
        if (morph) {
          const group = fieldByName(targetObject.id, 'targetPerson');
          assert.equal(many.morphId, group.morphId, `${target}.${fieldName} joins the morph group of ${target}.targetPerson`);
        }
      }
      assert.deepEqual(unindexedForeignKeys(ws.A), [], 'every FK column leads an index');
    });
  });

  describe('a field of every creatable type (§1, §1.1, §1.3)', () => {
    // Per type: the request's extra properties and the properties the response must show.
    const fieldName = (type) => 'f' + type.toLowerCase().split('_').map(cap).join('');
    const extras = {
      TEXT: { isUnique: true, description: 'Unique text', icon: 'IconAbc' },
      RICH_TEXT: { defaultValue: "'hello'" },
      NUMBER: { isNullable: false, defaultValue: 5 },
      BOOLEAN: { isNullable: false, defaultValue: true },
      FILES: { settings: { maxNumberOfValues: 5 } },
      SELECT: {
        defaultValue: "'OPT_A'",
        options: [{ value: 'OPT_A', label: 'Option A', position: 0, color: 'red' }, { value: 'OPT_B', label: 'Option B', position: 1, color: 'blue' },
          { value: 'OPT_C', label: 'Option C', position: 2, color: 'green' }],
      },
      MULTI_SELECT: {
        options: [{ value: 'X', label: 'Ex', position: 0, color: 'red' }, { value: 'Y', label: 'Why', position: 1, color: 'blue' },
          { value: 'Z', label: 'Zed', position: 2, color: 'green' }],
      },
      EMAILS: { isUnique: true },
      RELATION: { relationCreationPayload: { type: 'MANY_TO_ONE', targetFieldLabel: 'Related Rockets', targetFieldIcon: 'IconRocket' } },
    };
    const created = {};

    for (const type of CREATABLE) {
      it(`${type}: 201, the field item, its column(s) in "_rocket"`, async () => {
        const name = fieldName(type);
        const extra = JSON.parse(JSON.stringify(extras[type] || {}));
        if (type === 'RELATION') extra.relationCreationPayload.targetObjectMetadataId = objectByName(ws.A, 'company').id;
        const request = { objectMetadataId: rocket.id, type, name, label: `F ${type}`, ...extra };
        const before1 = columns(ws.A, '_rocket');
        const body = await createField(request);
        created[type] = body;
        const row = fieldRow(body.id);
        assert.ok(row, `a fieldMetadata row for ${name}`);
        assertFieldItem(body, fieldItem(row), `${type} item`);
        // What the request asked for.
        assert.deepEqual({
          name: body.name, label: body.label, type: body.type, objectMetadataId: body.objectMetadataId, isCustom: body.isCustom,
          isActive: body.isActive, isSystem: body.isSystem, isNullable: body.isNullable, isUnique: body.isUnique,
          defaultValue: body.defaultValue, description: body.description, icon: body.icon,
        }, {
          name, label: `F ${type}`, type, objectMetadataId: rocket.id, isCustom: true, isActive: true, isSystem: false,
          isNullable: extra.isNullable !== undefined ? extra.isNullable : true, isUnique: extra.isUnique === true,
          defaultValue: extra.defaultValue !== undefined ? extra.defaultValue : null, description: extra.description, icon: extra.icon,
        });
        if (type === 'SELECT' || type === 'MULTI_SELECT') {
          assert.deepEqual(body.options.map(({ id, ...o }) => { assert.match(id, UUID_RE); return o; }), extra.options);
        } else if (type === 'RATING') {
          // §1: RATING options are generated: RATING_1..RATING_5, labels "1".."5", positions 0-4.
          assert.deepEqual(body.options.map(({ id, ...o }) => { assert.match(id, UUID_RE); return o; }),
            [1, 2, 3, 4, 5].map((n) => ({ value: `RATING_${n}`, label: String(n), position: n - 1 })));
        } else {
          assert.equal(body.options, null);
        }
        if (type === 'RELATION') {
          assert.deepEqual(body.settings, { relationType: 'MANY_TO_ONE', onDelete: 'SET_NULL', joinColumnName: `${name}Id` });
        } else if (type === 'FILES') {
          assert.deepEqual(body.settings, { maxNumberOfValues: 5 });
        }
        const get = await api('GET', `/rest/metadata/fields/${body.id}`);
        assert.equal(get.status, 200);
        assertFieldItem(get.json, fieldItem(fieldRow(body.id)), `GET ${type}`);

        // The physical columns.
        const cols = columns(ws.A, '_rocket');
        const enumType = (col) => `${ws.A.schema}._rocket_${col}_enum`;
        const expected = {};
        const nullable = extra.isNullable !== false;
        if (type === 'RELATION') {
          expected[`${name}Id`] = 'uuid';
        } else if (COMPOSITES[type]) {
          for (const [sub, t] of COMPOSITES[type]) {
            const col = name + cap(sub);
            expected[col] = t === 'enum' ? enumType(col) : t;
          }
        } else {
          const t = ATOMIC[type];
          expected[name] = t === 'enum' ? enumType(name) : t === 'enum[]' ? `${enumType(name)}[]` : t;
        }
        const got = Object.fromEntries(Object.keys(cols).filter((c) => !(c in before1)).map((c) => [c, cols[c].type]));
        assert.deepEqual(got, expected, `${type}: the new columns`);
        assert.equal(Object.keys(cols).length, Object.keys(before1).length + Object.keys(expected).length, `${type}: no column lost`);
        for (const c of Object.keys(expected)) assert.equal(cols[c].nullable, nullable, `${c} nullable`);
        // Enum types (§1.3).
        const en = enums(ws.A, `_rocket_${name}`);
        if (type === 'SELECT' || type === 'MULTI_SELECT') {
          assert.deepEqual(en, { [`_rocket_${name}_enum`]: extra.options.map((o) => o.value) });
        } else if (type === 'RATING') {
          assert.deepEqual(en, { [`_rocket_${name}_enum`]: ['RATING_1', 'RATING_2', 'RATING_3', 'RATING_4', 'RATING_5'] });
        } else if (type === 'ACTOR') {
          assert.deepEqual(en, { [`_rocket_${name}Source_enum`]: ACTOR_SOURCES });
        } else {
          assert.deepEqual(en, {});
        }
        // Unique fields get a unique index on the column (the composite's key column), §7.
        if (extra.isUnique) {
          const col = type === 'EMAILS' ? `${name}PrimaryEmail` : name;
          const ix = indexes(ws.A, '_rocket').filter((x) => x.columns.includes(col));
          assert.deepEqual(ix, [{ name: indexName('_rocket', [name], true), unique: true, method: 'btree', columns: [col] }]);
        }
      });
    }

    it('RELATION: the inverse field on company, FK ON DELETE SET NULL and an index', () => {
      const f = created.RELATION;
      assert.ok(f, 'the RELATION field was created');
      const company = objectByName(ws.A, 'company');
      const inverse = fieldByName(company.id, 'relatedRockets');
      assert.ok(inverse, 'company.relatedRockets (camelCase of "Related Rockets")');
      assert.deepEqual({ label: inverse.label, icon: inverse.icon, type: inverse.type, settings: inverse.settings, isCustom: inverse.isCustom },
        { label: 'Related Rockets', icon: 'IconRocket', type: 'RELATION', settings: { relationType: 'ONE_TO_MANY' }, isCustom: true });
      assert.deepEqual(foreignKeys(ws.A, '_rocket').filter((x) => x.column === 'fRelationId'),
        [{ column: 'fRelationId', references: 'company', refColumns: 'id', onDelete: 'n' }]);
      assert.deepEqual(indexes(ws.A, '_rocket').filter((x) => x.columns.includes('fRelationId')),
        [{ name: indexName('_rocket', ['fRelationId']), unique: false, method: 'btree', columns: ['fRelationId'] }]);
    });

    it('defaults apply to new rows; the object lists every new field', async () => {
      sql(`INSERT INTO ${ws.A.schema}."_rocket" (name) VALUES ('Apollo')`);
      const row = json(`SELECT row_to_json(r) FROM (SELECT "fNumber", "fBoolean", "fSelect"::text, "fRichText",
          "createdBySource"::text, "createdByName"
        FROM ${ws.A.schema}."_rocket" WHERE name = 'Apollo') r`);
      assert.deepEqual(row, { fNumber: 5, fBoolean: true, fSelect: 'OPT_A', fRichText: 'hello', createdBySource: 'MANUAL', createdByName: '' });
      const res = await api('GET', `/rest/metadata/objects/${rocket.id}`);
      assertObjectItem(res.json, objectItem(objectRow(rocket.id)), 'rocket with every type');
      assert.deepEqual(sorted(res.json.fields.filter((f) => f.isCustom).map((f) => f.name)), sorted(CREATABLE.map(fieldName)));
    });

    it('no drift after creating every type', async () => {
      await assertNoDrift(ws.A, 'after every type');
    });
  });

  // ---- 3. relations both ways ------------------------------------------------------------------

  describe('relations (§1.4)', () => {
    const engine = {};
    const rel = {};
    before(async () => {
      engine.id = (await createObject('engine', 'engines')).id;
    });

    // Both rows point at each other; the MANY_TO_ONE side owns the column, FK and index.
    function assertPair(m2o, o2m, { table, column, references, onDelete }) {
      assert.deepEqual({
        m2oTarget: m2o.relationTargetFieldMetadataId, m2oObject: m2o.relationTargetObjectMetadataId,
        o2mTarget: o2m.relationTargetFieldMetadataId, o2mObject: o2m.relationTargetObjectMetadataId,
        m2oSettings: m2o.settings, o2mSettings: o2m.settings, types: [m2o.type, o2m.type],
      }, {
        m2oTarget: o2m.id, m2oObject: o2m.objectMetadataId, o2mTarget: m2o.id, o2mObject: m2o.objectMetadataId,
        m2oSettings: { relationType: 'MANY_TO_ONE', onDelete, joinColumnName: column }, o2mSettings: { relationType: 'ONE_TO_MANY' },
        types: ['RELATION', 'RELATION'],
      });
      const onDeleteCode = { SET_NULL: 'n', CASCADE: 'c', RESTRICT: 'r', NO_ACTION: 'a' }[onDelete];
      assert.deepEqual(columns(ws.A, table)[column], { type: 'uuid', nullable: true, default: null }, `${table}.${column}`);
      assert.deepEqual(foreignKeys(ws.A, table).filter((x) => x.column === column),
        [{ column, references, refColumns: 'id', onDelete: onDeleteCode }], `${table}.${column} FK`);
      assert.deepEqual(indexes(ws.A, table).filter((x) => x.columns.includes(column)),
        [{ name: indexName(table, [column]), unique: false, method: 'btree', columns: [column] }], `${table}.${column} index`);
    }

    it('MANY_TO_ONE: rocket.manufacturer -> company, inverse company.rocketsBuilt', async () => {
      const company = objectByName(ws.A, 'company');
      const body = await createField({
        objectMetadataId: rocket.id, type: 'RELATION', name: 'manufacturer', label: 'Manufacturer', icon: 'IconBuildingFactory',
        relationCreationPayload: {
          targetObjectMetadataId: company.id, targetFieldLabel: 'Rockets Built', targetFieldIcon: 'IconRocket', type: 'MANY_TO_ONE',
        },
      });
      assertFieldItem(body, fieldItem(fieldRow(body.id)), 'manufacturer');
      const inverse = fieldByName(company.id, 'rocketsBuilt');
      assert.ok(inverse, 'company.rocketsBuilt');
      const res = await api('GET', `/rest/metadata/fields/${inverse.id}`);
      assert.equal(res.status, 200);
      assertFieldItem(res.json, fieldItem(inverse), 'rocketsBuilt');
      assert.deepEqual({ label: res.json.label, icon: res.json.icon, isCustom: res.json.isCustom, isActive: res.json.isActive },
        { label: 'Rockets Built', icon: 'IconRocket', isCustom: true, isActive: true });
      assertPair(fieldRow(body.id), inverse, { table: '_rocket', column: 'manufacturerId', references: 'company', onDelete: 'SET_NULL' });
      rel.manufacturer = body.id;
      rel.rocketsBuilt = inverse.id;
    });

    it('ONE_TO_MANY: rocket.engines -> engine, inverse engine.mountedOn owns the column', async () => {
      const body = await createField({
        objectMetadataId: rocket.id, type: 'RELATION', name: 'engines', label: 'Engines',
        relationCreationPayload: { targetObjectMetadataId: engine.id, targetFieldLabel: 'Mounted On', type: 'ONE_TO_MANY' },
      });
      assertFieldItem(body, fieldItem(fieldRow(body.id)), 'engines');
      assert.deepEqual(body.settings, { relationType: 'ONE_TO_MANY' });
      const inverse = fieldByName(engine.id, 'mountedOn');
      assert.ok(inverse, 'engine.mountedOn');
      assertPair(inverse, fieldRow(body.id), { table: '_engine', column: 'mountedOnId', references: '_rocket', onDelete: 'SET_NULL' });
      const cols = columns(ws.A, '_rocket');
      assert.ok(!('engines' in cols) && !('enginesId' in cols), 'the ONE_TO_MANY side has no column');
      rel.engines = body.id;
      rel.mountedOn = inverse.id;
    });

    it('MANY_TO_ONE with settings.onDelete CASCADE: engine.supplier -> person', async () => {
      const person = objectByName(ws.A, 'person');
      const body = await createField({
        objectMetadataId: engine.id, type: 'RELATION', name: 'supplier', label: 'Supplier', settings: { onDelete: 'CASCADE' },
        relationCreationPayload: { targetObjectMetadataId: person.id, targetFieldLabel: 'Supplied Engines', type: 'MANY_TO_ONE' },
      });
      assertFieldItem(body, fieldItem(fieldRow(body.id)), 'supplier');
      assert.deepEqual(body.settings, { relationType: 'MANY_TO_ONE', onDelete: 'CASCADE', joinColumnName: 'supplierId' });
      const inverse = fieldByName(person.id, 'suppliedEngines');
      assert.ok(inverse, 'person.suppliedEngines');
      assertPair(fieldRow(body.id), inverse, { table: '_engine', column: 'supplierId', references: 'person', onDelete: 'CASCADE' });
      // The FK does what it says.
      sql(`INSERT INTO ${ws.A.schema}.person (id) VALUES ('${UNKNOWN_ID}');
        INSERT INTO ${ws.A.schema}."_engine" (name, "supplierId") VALUES ('Merlin', '${UNKNOWN_ID}');
        DELETE FROM ${ws.A.schema}.person WHERE id = '${UNKNOWN_ID}'`);
      assert.equal(sql(`SELECT count(*) FROM ${ws.A.schema}."_engine" WHERE name = 'Merlin'`).trim(), '0', 'ON DELETE CASCADE');
    });

    it('no drift after the relations', async () => {
      await assertNoDrift(ws.A, 'after relations');
    });

    // ---- 4. renames and deletes ----------------------------------------------------------------

    describe('renames (§1.3: enum types follow)', () => {
      it('a SELECT field renamed: column and enum type renamed, rows kept', async () => {
        const f = fieldByName(rocket.id, 'fSelect');
        const body = await change('PATCH', `/rest/metadata/fields/${f.id}`, { name: 'fPhase', label: 'Phase' }, 200);
        assertFieldItem(body, fieldItem(fieldRow(f.id)), 'renamed field');
        assert.deepEqual({ name: body.name, label: body.label, id: body.id }, { name: 'fPhase', label: 'Phase', id: f.id });
        const cols = columns(ws.A, '_rocket');
        assert.ok(!('fSelect' in cols), 'old column gone');
        assert.equal(cols.fPhase.type, `${ws.A.schema}._rocket_fPhase_enum`);
        assert.deepEqual(enums(ws.A, '_rocket_fSelect'), {});
        assert.deepEqual(enums(ws.A, '_rocket_fPhase'), { _rocket_fPhase_enum: ['OPT_A', 'OPT_B', 'OPT_C'] });
        assert.equal(sql(`SELECT "fPhase" FROM ${ws.A.schema}."_rocket" WHERE name = 'Apollo'`).trim(), 'OPT_A');
      });

      it('a RICH_TEXT field renamed with PUT', async () => {
        const f = fieldByName(rocket.id, 'fRichText');
        const body = await change('PUT', `/rest/metadata/fields/${f.id}`, { name: 'fNotes', label: 'Notes', description: 'Free text' }, 200);
        assertFieldItem(body, fieldItem(fieldRow(f.id)), 'renamed field');
        assert.deepEqual({ name: body.name, label: body.label, description: body.description },
          { name: 'fNotes', label: 'Notes', description: 'Free text' });
        const cols = columns(ws.A, '_rocket');
        assert.ok(!('fRichText' in cols) && cols.fNotes.type === 'text');
        assert.equal(sql(`SELECT "fNotes" FROM ${ws.A.schema}."_rocket" WHERE name = 'Apollo'`).trim(), 'hello');
      });

      it('the object renamed: table "_spaceship", every enum type renamed', async () => {
        const oldEnums = enums(ws.A, '_rocket_');
        assert.ok(Object.keys(oldEnums).length >= 6, JSON.stringify(oldEnums));
        const body = await change('PATCH', `/rest/metadata/objects/${rocket.id}`,
          { nameSingular: 'spaceship', namePlural: 'spaceships', labelSingular: 'Spaceship', labelPlural: 'Spaceships' }, 200);
        assertObjectItem(body, objectItem(objectRow(rocket.id)), 'renamed object');
        assert.deepEqual([body.nameSingular, body.namePlural, body.labelSingular, body.labelPlural],
          ['spaceship', 'spaceships', 'Spaceship', 'Spaceships']);
        assert.equal(tableExists(ws.A, '_rocket'), false, '_rocket gone');
        assert.equal(tableExists(ws.A, '_spaceship'), true, '_spaceship exists');
        assert.deepEqual(enums(ws.A, '_rocket_'), {}, 'no _rocket_* enum type left');
        const renamed = Object.fromEntries(Object.entries(oldEnums).map(([k, v]) => [k.replace(/^_rocket_/, '_spaceship_'), v]));
        assert.deepEqual(enums(ws.A, '_spaceship_'), renamed);
        assert.equal(sql(`SELECT "fPhase" FROM ${ws.A.schema}."_spaceship" WHERE name = 'Apollo'`).trim(), 'OPT_A');
        rocket.table = '_spaceship';
      });

      it('the old name is free again: a new object "rocket" can be created, and deleted', async () => {
        const body = await createObject('rocket', 'rockets');
        assert.ok(tableExists(ws.A, '_rocket'));
        for (const [, target, morph] of DEFAULT_RELATIONS) {
          assert.ok((morph ? 'targetRocketId' : 'rocketId') in columns(ws.A, target), `${target}: the new object's join column`);
        }
        await change('PATCH', `/rest/metadata/objects/${body.id}`, { isActive: false }, 200);
        await change('DELETE', `/rest/metadata/objects/${body.id}`, undefined, 200);
        assert.equal(tableExists(ws.A, '_rocket'), false);
        assert.equal(tableExists(ws.A, '_spaceship'), true);
      });

      it('labels, description, icon, shortcut of an object; PUT works as PATCH', async () => {
        const body = await change('PUT', `/rest/metadata/objects/${rocket.id}`,
          { labelSingular: 'Star ship', labelPlural: 'Star ships', description: 'Bigger', icon: 'IconPlanet', shortcut: 'S' }, 200);
        assertObjectItem(body, objectItem(objectRow(rocket.id)), 'relabelled object');
        assert.deepEqual([body.labelSingular, body.labelPlural, body.description, body.icon, body.shortcut, body.nameSingular],
          ['Star ship', 'Star ships', 'Bigger', 'IconPlanet', 'S', 'spaceship']);
      });

      it('a standard object keeps its names: 400', async () => {
        const company = objectByName(ws.A, 'company');
        await refused('PATCH', `/rest/metadata/objects/${company.id}`, { nameSingular: 'firm', namePlural: 'firms' }, 400, {
          statusCode: 400, error: 'BadRequestException',
          messages: ['Cannot edit standard object metadata properties: nameSingular, namePlural'], code: 'INVALID_OBJECT_INPUT',
        });
        const body = await change('PATCH', `/rest/metadata/objects/${company.id}`, { labelPlural: 'Firms' }, 200);
        assert.equal(body.labelPlural, 'Firms');
        await change('PATCH', `/rest/metadata/objects/${company.id}`, { labelPlural: 'Companies' }, 200);
      });

      it('no drift after the renames', async () => {
        await assertNoDrift(ws.A, 'after renames');
      });
    });

    describe('options (§1.3)', () => {
      it('SELECT: kept values keep their rows, removed values become NULL', async () => {
        const f = fieldByName(rocket.id, 'fPhase');
        sql(`INSERT INTO ${ws.A.schema}."_spaceship" (name, "fPhase") VALUES ('b', 'OPT_B'), ('c', 'OPT_C')`);
        const keep = f.options.filter((o) => o.value !== 'OPT_B');
        const options = [...keep, { value: 'OPT_D', label: 'Option D', position: 3, color: 'yellow' }];
        const body = await change('PATCH', `/rest/metadata/fields/${f.id}`, { options }, 200);
        assertFieldItem(body, fieldItem(fieldRow(f.id)), 'options changed');
        assert.deepEqual(body.options.map((o) => o.value), ['OPT_A', 'OPT_C', 'OPT_D']);
        for (const o of keep) assert.equal(body.options.find((x) => x.value === o.value).id, o.id, `${o.value} keeps its id`);
        assert.deepEqual(enums(ws.A, '_spaceship_fPhase'), { _spaceship_fPhase_enum: ['OPT_A', 'OPT_C', 'OPT_D'] });
        assert.deepEqual(json(`SELECT json_object_agg(name, "fPhase") FROM ${ws.A.schema}."_spaceship" WHERE name IN ('Apollo', 'b', 'c')`),
          { Apollo: 'OPT_A', b: null, c: 'OPT_C' });
      });

      it('MULTI_SELECT: arrays drop the removed values', async () => {
        const f = fieldByName(rocket.id, 'fMultiSelect');
        sql(`INSERT INTO ${ws.A.schema}."_spaceship" (name, "fMultiSelect") VALUES ('xy', '{X,Y}'), ('yz', '{Y,Z}'), ('y', '{Y}')`);
        const options = f.options.filter((o) => o.value !== 'Y');
        const body = await change('PATCH', `/rest/metadata/fields/${f.id}`, { options }, 200);
        assert.deepEqual(body.options.map((o) => o.value), ['X', 'Z']);
        assert.deepEqual(enums(ws.A, '_spaceship_fMultiSelect'), { _spaceship_fMultiSelect_enum: ['X', 'Z'] });
        const got = json(`SELECT json_object_agg(name, "fMultiSelect"::text[]) FROM ${ws.A.schema}."_spaceship" WHERE name IN ('xy', 'yz', 'y')`);
        assert.ok(got.y === null || (Array.isArray(got.y) && got.y.length === 0), `y: ${JSON.stringify(got.y)}`);
        assert.deepEqual({ xy: got.xy, yz: got.yz }, { xy: ['X'], yz: ['Z'] });
      });

      it('a field type cannot change: 400', async () => {
        const f = fieldByName(rocket.id, 'fNotes');
        await refused('PATCH', `/rest/metadata/fields/${f.id}`, { type: 'NUMBER' }, 400,
          validationBody('field', 'update', 'INVALID_FIELD_INPUT', 'Cannot update field type'));
        assert.equal(fieldRow(f.id).type, 'RICH_TEXT');
      });

      it('a system field only accepts isActive', async () => {
        const f = fieldByName(rocket.id, 'id');
        await refused('PATCH', `/rest/metadata/fields/${f.id}`, { label: 'Identifier' }, 400, validationBody('field', 'update',
          'FIELD_MUTATION_NOT_ALLOWED', 'System fields only allow updating: universalSettings, isActive. Forbidden properties: label'));
      });

      it('isNullable, isUnique, defaultValue on a custom field', async () => {
        const f = fieldByName(rocket.id, 'fNumeric');
        let body = await change('PATCH', `/rest/metadata/fields/${f.id}`, { defaultValue: 7, isUnique: true }, 200);
        assertFieldItem(body, fieldItem(fieldRow(f.id)), 'numeric changed');
        assert.deepEqual([body.defaultValue, body.isUnique], [7, true]);
        assert.deepEqual(indexes(ws.A, '_spaceship').filter((x) => x.columns.includes('fNumeric')),
          [{ name: indexName('_spaceship', ['fNumeric'], true), unique: true, method: 'btree', columns: ['fNumeric'] }]);
        body = await change('PATCH', `/rest/metadata/fields/${f.id}`, { isUnique: false }, 200);
        assert.deepEqual(indexes(ws.A, '_spaceship').filter((x) => x.columns.includes('fNumeric')), []);
        const d = fieldByName(rocket.id, 'fDate');
        body = await change('PATCH', `/rest/metadata/fields/${d.id}`, { isActive: false }, 200);
        assert.equal(body.isActive, false);
        body = await change('PATCH', `/rest/metadata/fields/${d.id}`, { isActive: true }, 200);
        assert.equal(body.isActive, true);
        await assertNoDrift(ws.A, 'after field updates');
      });
    });

    describe('deletes', () => {
      it('a TEXT field: 200 with the field item, the column gone', async () => {
        const f = fieldByName(rocket.id, 'fNotes');
        const expected = fieldItem(f);
        const body = await change('DELETE', `/rest/metadata/fields/${f.id}`, undefined, 200);
        assertFieldItem(body, expected, 'deleted field');
        assert.equal(fieldRow(f.id), undefined, 'row gone');
        assert.ok(!('fNotes' in columns(ws.A, '_spaceship')), 'column gone');
        const res = await api('GET', `/rest/metadata/fields/${f.id}`);
        assert.equal(res.status, 404);
        assert.deepEqual(res.json, fieldNotFound);
        await refused('DELETE', `/rest/metadata/fields/${f.id}`, undefined, 404, fieldNotFound);
      });

      it('an enum field: column and enum type dropped', async () => {
        const f = fieldByName(rocket.id, 'fPhase');
        const body = await change('DELETE', `/rest/metadata/fields/${f.id}`, undefined, 200);
        assert.equal(body.id, f.id);
        assert.ok(!('fPhase' in columns(ws.A, '_spaceship')));
        assert.deepEqual(enums(ws.A, '_spaceship_fPhase'), {});
        const a = fieldByName(rocket.id, 'fActor');
        await change('DELETE', `/rest/metadata/fields/${a.id}`, undefined, 200);
        assert.deepEqual(Object.keys(columns(ws.A, '_spaceship')).filter((c) => c.startsWith('fActor')), []);
        assert.deepEqual(enums(ws.A, '_spaceship_fActor'), {});
      });

      it('a relation: both sides, the join column and its FK gone', async () => {
        const body = await change('DELETE', `/rest/metadata/fields/${rel.manufacturer}`, undefined, 200);
        assert.equal(body.id, rel.manufacturer);
        assert.equal(fieldRow(rel.manufacturer), undefined);
        assert.equal(fieldRow(rel.rocketsBuilt), undefined, 'the inverse on company is gone');
        assert.ok(!('manufacturerId' in columns(ws.A, '_spaceship')));
        assert.deepEqual(foreignKeys(ws.A, '_spaceship').filter((x) => x.references === 'company' && x.column === 'manufacturerId'), []);
        const res = await api('GET', `/rest/metadata/fields/${rel.rocketsBuilt}`);
        assert.equal(res.status, 404);
      });

      it('a relation deleted from its ONE_TO_MANY side', async () => {
        // Recreate one, then delete it from company's side.
        const company = objectByName(ws.A, 'company');
        const f = await createField({
          objectMetadataId: rocket.id, type: 'RELATION', name: 'builder', label: 'Builder',
          relationCreationPayload: { targetObjectMetadataId: company.id, targetFieldLabel: 'Ships Built', type: 'MANY_TO_ONE' },
        });
        const inverse = fieldByName(company.id, 'shipsBuilt');
        const body = await change('DELETE', `/rest/metadata/fields/${inverse.id}`, undefined, 200);
        assert.equal(body.id, inverse.id);
        assert.equal(fieldRow(f.id), undefined, 'the MANY_TO_ONE side is gone too');
        assert.ok(!('builderId' in columns(ws.A, '_spaceship')));
      });

      it('label identifier, system fields, standard and active objects cannot be deleted', async () => {
        const name = fieldByName(rocket.id, 'name');
        await refused('DELETE', `/rest/metadata/fields/${name.id}`, undefined, 400, validationBody('field', 'delete',
          'FIELD_MUTATION_NOT_ALLOWED', 'Cannot delete, please update the label identifier field first'));
        for (const sys of ['id', 'position']) {
          const f = fieldByName(rocket.id, sys);
          await refused('DELETE', `/rest/metadata/fields/${f.id}`, undefined, 400, validationBody('field', 'delete',
            'FIELD_MUTATION_NOT_ALLOWED', 'System fields cannot be deleted'));
        }
        const company = objectByName(ws.A, 'company');
        await refused('DELETE', `/rest/metadata/objects/${company.id}`, undefined, 400, validationBody('object', 'delete',
          'INVALID_OBJECT_INPUT', 'Standard objects cannot be deleted'));
        await refused('DELETE', `/rest/metadata/objects/${rocket.id}`, undefined, 400, validationBody('object', 'delete',
          'INVALID_OBJECT_INPUT', 'Active objects cannot be deleted'));
      });

      it('another label identifier, then the old one can go', async () => {
        const text = fieldByName(rocket.id, 'fText');
        const name = fieldByName(rocket.id, 'name');
        const body = await change('PATCH', `/rest/metadata/objects/${rocket.id}`, { labelIdentifierFieldMetadataId: text.id }, 200);
        assert.equal(body.labelIdentifierFieldMetadataId, text.id);
        await change('DELETE', `/rest/metadata/fields/${name.id}`, undefined, 200);
        assert.ok(!('name' in columns(ws.A, '_spaceship')));
        await assertNoDrift(ws.A, 'after the label identifier change');
      });

      it('the object: deactivated, then deleted with its table, enum types and relation columns', async () => {
        const deactivated = await change('PATCH', `/rest/metadata/objects/${rocket.id}`, { isActive: false }, 200);
        assert.equal(deactivated.isActive, false);
        const expected = objectItem(objectRow(rocket.id), false);
        const ownFields = fieldRows(`f."objectMetadataId" = '${rocket.id}'`).map((f) => f.id);
        const inverseFields = fieldRows(`f."relationTargetObjectMetadataId" = '${rocket.id}' AND f."objectMetadataId" <> '${rocket.id}'`);
        assert.ok(inverseFields.some((f) => f.name === 'mountedOn'), 'engine.mountedOn points at it');
        assert.ok(inverseFields.some((f) => f.name === 'relatedRockets'), 'company.relatedRockets points at it');

        const body = await change('DELETE', `/rest/metadata/objects/${rocket.id}`, undefined, 200);
        assert.deepEqual(Object.keys(body), Object.keys(expected), 'keys, without fields');
        assert.deepEqual(body, expected);

        assert.equal(objectRow(rocket.id), undefined);
        assert.deepEqual(fieldRows(`f.id IN (${[...ownFields, ...inverseFields.map((f) => f.id)].map((i) => `'${i}'`).join(',')})`), []);
        assert.equal(tableExists(ws.A, '_spaceship'), false);
        assert.deepEqual(enums(ws.A, '_spaceship_'), {});
        for (const [, target, morph] of DEFAULT_RELATIONS) {
          const cols = columns(ws.A, target);
          const col = morph ? 'targetSpaceshipId' : 'spaceshipId';
          assert.ok(!(col in cols) && !('targetRocketId' in cols) && !('rocketId' in cols), `${target}: ${col} gone`);
        }
        assert.ok(!('mountedOnId' in columns(ws.A, '_engine')), '_engine.mountedOnId gone');
        let res = await api('GET', `/rest/metadata/objects/${rocket.id}`);
        assert.equal(res.status, 404);
        assert.deepEqual(res.json, objectNotFound);
        res = await api('GET', `/rest/metadata/fields/${rel.mountedOn}`);
        assert.equal(res.status, 404);
        await assertNoDrift(ws.A, 'after deleting the object');
      });
    });
  });

  // ---- 5. a change that fails half-way leaves nothing ------------------------------------------

  describe('failed changes leave no trace', () => {
    let crate;
    before(async () => {
      crate = await createObject('crate', 'crates');
      sql(`INSERT INTO ${ws.A.schema}."_crate" (name) VALUES ('one'), ('two'), ('two')`);
    });

    it('a NOT NULL field without default on a table with rows: 4xx, no row, no column, same version', async () => {
      const res = await refused('POST', '/rest/metadata/fields',
        { objectMetadataId: crate.id, type: 'TEXT', name: 'mandatory', label: 'Mandatory', isNullable: false }, 400);
      assert.equal(fieldByName(crate.id, 'mandatory'), undefined, JSON.stringify(res));
      assert.ok(!('mandatory' in columns(ws.A, '_crate')));
    });

    it('a NOT NULL ACTOR (required sub-fields) and a NOT NULL enum without default: same', async () => {
      await refused('POST', '/rest/metadata/fields',
        { objectMetadataId: crate.id, type: 'ACTOR', name: 'owner', label: 'Owner', isNullable: false }, 400);
      assert.deepEqual(enums(ws.A, '_crate_owner'), {}, 'no enum type left behind');
      await refused('POST', '/rest/metadata/fields', {
        objectMetadataId: crate.id, type: 'SELECT', name: 'size', label: 'Size', isNullable: false,
        options: [{ value: 'S', label: 'Small', position: 0 }],
      }, 400);
      assert.deepEqual(enums(ws.A, '_crate_size'), {}, 'no enum type left behind');
    });

    it('a NOT NULL FULL_NAME succeeds: its sub-fields are not required, so their columns stay nullable (§1.1)', async () => {
      const body = await createField({ objectMetadataId: crate.id, type: 'FULL_NAME', name: 'contact', label: 'Contact', isNullable: false });
      assert.equal(body.isNullable, false);
      const cols = columns(ws.A, '_crate');
      const text = { type: 'text', nullable: true, default: null };
      assert.deepEqual([cols.contactFirstName, cols.contactLastName], [text, text]);
    });

    it('isNullable false over NULLs, isUnique over duplicates: 4xx, nothing changes', async () => {
      const name = fieldByName(crate.id, 'name');
      const txt = await createField({ objectMetadataId: crate.id, type: 'TEXT', name: 'label2', label: 'Label 2' });
      await refused('PATCH', `/rest/metadata/fields/${txt.id}`, { isNullable: false }, 400);
      assert.equal(fieldRow(txt.id).isNullable, true);
      assert.equal(columns(ws.A, '_crate').label2.nullable, true);
      const dup = await createField({ objectMetadataId: crate.id, type: 'TEXT', name: 'code', label: 'Code' });
      sql(`UPDATE ${ws.A.schema}."_crate" SET code = 'same'`);
      await refused('PATCH', `/rest/metadata/fields/${dup.id}`, { isUnique: true }, 400);
      assert.equal(fieldRow(dup.id).isUnique, false);
      assert.deepEqual(indexes(ws.A, '_crate').filter((x) => x.columns.includes('code')), []);
      assert.equal(fieldRow(name.id).isNullable, true);
    });

    it('no drift after the failures', async () => {
      await assertNoDrift(ws.A, 'after refused changes');
    });
  });

  // ---- 9. validation bodies --------------------------------------------------------------------

  describe('validation errors (exact bodies, no trace)', () => {
    let target;
    before(async () => {
      target = await createObject('widget', 'widgets');
    });
    const obj = (nameSingular, namePlural, extra = {}) =>
      ({ nameSingular, namePlural, labelSingular: 'Label one', labelPlural: 'Label many', ...extra });
    const objectCases = [
      ['nameSingular "Rocket"', obj('Rocket', 'rockets'), 'INVALID_OBJECT_INPUT', 'Name should be in camelCase'],
      ['nameSingular "snake_case"', obj('snake_case', 'snakeCases'), 'INVALID_OBJECT_INPUT', 'Name should be in camelCase'],
      ['namePlural "Rockets"', obj('rocketx', 'Rocketxs'), 'INVALID_OBJECT_INPUT', 'Name should be in camelCase'],
      ['nameSingular "123"', obj('123', 'numbers'), 'INVALID_OBJECT_INPUT',
        'Name is not valid: it must start with lowercase letter and contain only alphanumeric letters'],
      ['a 64-character name', obj('a'.repeat(64), 'longs'), 'INVALID_OBJECT_INPUT', 'Name is too long'],
      ['reserved "user"', obj('user', 'users'), 'INVALID_OBJECT_INPUT',
        'This name is reserved. Use a different name or the system will add "Custom" suffix.'],
      ['reserved "fields"', obj('fieldThing', 'fields'), 'INVALID_OBJECT_INPUT',
        'This name is reserved. Use a different name or the system will add "Custom" suffix.'],
      ['singular = plural', obj('sheep', 'sheep'), 'INVALID_OBJECT_INPUT', 'The singular and plural names cannot be the same for an object'],
      ['nameSingular "company"', obj('company', 'companyThings'), 'OBJECT_ALREADY_EXISTS', 'Object already exists'],
      ['nameSingular of a custom object', obj('widget', 'widgetThings'), 'OBJECT_ALREADY_EXISTS', 'Object already exists'],
      ['empty labelSingular', obj('gadget', 'gadgets', { labelSingular: '' }), 'INVALID_INPUT', 'labelSingular should not be empty'],
    ];
    for (const [what, body, code, message] of objectCases) {
      it(`object: ${what}`, async () => {
        await refused('POST', '/rest/metadata/objects', body, 400, validationBody('object', 'create', code, message));
      });
    }

    const opts = (...values) => values.map((value, position) => ({ value, label: `L${position}`, position }));
    const fieldCases = () => [
      ['name "Rocket"', { type: 'TEXT', name: 'Rocket' }, 'INVALID_FIELD_INPUT', 'Name should be in camelCase'],
      ['name "snake_case"', { type: 'TEXT', name: 'snake_case' }, 'INVALID_FIELD_INPUT', 'Name should be in camelCase'],
      ['a 64-character name', { type: 'TEXT', name: 'b'.repeat(64) }, 'INVALID_FIELD_INPUT', 'Name is too long'],
      ['reserved name', { type: 'TEXT', name: 'fields' }, 'INVALID_FIELD_INPUT',
        'This name is reserved. Use a different name or the system will add "Custom" suffix.'],
      ['a name in use', { type: 'TEXT', name: 'name' }, 'NOT_AVAILABLE', 'Name "name" is not available as it is already used by another field'],
      ['SELECT without options', { type: 'SELECT', name: 'status' }, 'INVALID_FIELD_INPUT', 'Options are required for enum fields'],
      ['MULTI_SELECT without options', { type: 'MULTI_SELECT', name: 'tags' }, 'INVALID_FIELD_INPUT', 'Options are required for enum fields'],
      ['an option value not UPPER_CASE', { type: 'SELECT', name: 'status', options: opts('bad') }, 'INVALID_FIELD_INPUT',
        'Value must be in UPPER_CASE and follow snake_case "bad"'],
      ['a duplicated option value', { type: 'SELECT', name: 'status', options: opts('A', 'A') }, 'INVALID_FIELD_INPUT', 'Duplicated option value'],
      ['an option label with a comma', { type: 'SELECT', name: 'status', options: [{ value: 'A', label: 'a,b', position: 0 }] },
        'INVALID_FIELD_INPUT', 'Label must not contain a comma'],
      ['a default not among the options', { type: 'SELECT', name: 'status', options: opts('A', 'B'), defaultValue: "'NOPE'" },
        'INVALID_FIELD_INPUT', 'Default value "\'NOPE\'" must be one of the option values'],
      ['RELATION without relationCreationPayload', { type: 'RELATION', name: 'owner' }, 'FIELD_METADATA_RELATION_MALFORMED',
        'Relation creation payload is invalid'],
      ['RELATION to an unknown object', { type: 'RELATION', name: 'owner',
        relationCreationPayload: { targetObjectMetadataId: UNKNOWN_ID, targetFieldLabel: 'Widgets', type: 'MANY_TO_ONE' } },
      'FIELD_METADATA_RELATION_MALFORMED', 'Object metadata relation target not found for relation creation payload'],
      ['RELATION with a bad type', { type: 'RELATION', name: 'owner',
        relationCreationPayload: { targetObjectMetadataId: target.id, targetFieldLabel: 'Widgets', type: 'ONE_TO_ONE' } },
      'FIELD_METADATA_RELATION_MALFORMED', 'Relation creation payload is invalid'],
    ];
    it('field creation: every message', async () => {
      for (const [what, body, code, message] of fieldCases()) {
        await refused('POST', '/rest/metadata/fields', { objectMetadataId: target.id, label: 'Some label', ...body }, 400,
          validationBody('field', 'create', code, message), ws.A).catch((err) => { err.message = `${what}: ${err.message}`; throw err; });
      }
    });

    it('field creation: TS_VECTOR, POSITION, MORPH_RELATION and unknown types are refused', async () => {
      for (const type of ['TS_VECTOR', 'POSITION', 'MORPH_RELATION', 'NOPE']) {
        const res = await refused('POST', '/rest/metadata/fields', { objectMetadataId: target.id, type, name: 'nope', label: 'Nope' }, 400);
        assert.equal(res.error, 'METADATA_VALIDATION_ERROR', `${type}: ${JSON.stringify(res)}`);
      }
    });

    it('field update: a name in use, a bad name, bad options', async () => {
      const f = await createField({ objectMetadataId: target.id, type: 'SELECT', name: 'color', label: 'Color', options: opts('RED', 'BLUE') });
      await refused('PATCH', `/rest/metadata/fields/${f.id}`, { name: 'name' }, 400,
        validationBody('field', 'update', 'NOT_AVAILABLE', 'Name "name" is not available as it is already used by another field'));
      await refused('PATCH', `/rest/metadata/fields/${f.id}`, { name: 'Color' }, 400,
        validationBody('field', 'update', 'INVALID_FIELD_INPUT', 'Name should be in camelCase'));
      await refused('PATCH', `/rest/metadata/fields/${f.id}`, { options: opts('red') }, 400,
        validationBody('field', 'update', 'INVALID_FIELD_INPUT', 'Value must be in UPPER_CASE and follow snake_case "red"'));
      await refused('PATCH', `/rest/metadata/fields/${f.id}`, { defaultValue: "'NOPE'" }, 400,
        validationBody('field', 'update', 'INVALID_FIELD_INPUT', 'Default value "\'NOPE\'" must be one of the option values'));
    });

    it('object update: a bad or taken name', async () => {
      await refused('PATCH', `/rest/metadata/objects/${target.id}`, { nameSingular: 'Widget2' }, 400,
        validationBody('object', 'update', 'INVALID_OBJECT_INPUT', 'Name should be in camelCase'));
      await refused('PATCH', `/rest/metadata/objects/${target.id}`, { nameSingular: 'crate', namePlural: 'crateThings' }, 400,
        validationBody('object', 'update', 'OBJECT_ALREADY_EXISTS', 'Object already exists'));
    });
  });

  // ---- 8. pagination ---------------------------------------------------------------------------

  describe('pagination over fields (limit=7)', () => {
    let all;
    before(async () => {
      all = (await api('GET', '/rest/metadata/fields?limit=1000')).json.data.map((f) => f.id);
    });

    it('the full list is every field of the workspace, id descending', () => {
      const ids = json(`SELECT json_agg(id ORDER BY id DESC) FROM core."fieldMetadata" WHERE "workspaceId" = '${ws.A.id}'`);
      assert.deepEqual(all, ids);
      assert.deepEqual(all, [...all].sort().reverse());
    });

    it('forward with starting_after visits every field once, in order', async () => {
      const seen = [];
      let cursor = null;
      for (let page = 0; ; page++) {
        assert.ok(page < 200, 'terminates');
        const res = await api('GET', `/rest/metadata/fields?limit=7${cursor ? `&starting_after=${cursor}` : ''}`);
        assert.equal(res.status, 200, show(res));
        const { data, pageInfo, totalCount } = res.json;
        const ids = data.map((f) => f.id);
        const expected = all.slice(seen.length, seen.length + 7);
        assert.deepEqual(ids, expected, `page ${page}`);
        assert.equal(totalCount, all.length);
        assert.deepEqual(pageInfo, {
          hasNextPage: seen.length + ids.length < all.length, hasPreviousPage: cursor !== null,
          startCursor: ids[0], endCursor: ids[ids.length - 1],
        }, `page ${page} pageInfo`);
        seen.push(...ids);
        if (!pageInfo.hasNextPage) break;
        cursor = pageInfo.endCursor;
      }
      assert.deepEqual(seen, all);
    });

    it('backward with ending_before from the end visits every field once, in order', async () => {
      const last = all[all.length - 1];
      const pages = [];
      let cursor = last;
      let covered = 1; // the last one, the cursor itself
      for (let page = 0; ; page++) {
        assert.ok(page < 200, 'terminates');
        const res = await api('GET', `/rest/metadata/fields?limit=7&ending_before=${cursor}`);
        assert.equal(res.status, 200, show(res));
        const { data, pageInfo, totalCount } = res.json;
        const ids = data.map((f) => f.id);
        const end = all.length - covered;
        const expected = all.slice(Math.max(0, end - 7), end);
        assert.deepEqual(ids, expected, `page ${page} (before ${cursor})`);
        assert.equal(totalCount, all.length);
        assert.deepEqual(pageInfo, {
          hasNextPage: true, hasPreviousPage: end - ids.length > 0,
          startCursor: ids[0], endCursor: ids[ids.length - 1],
        }, `page ${page} pageInfo`);
        pages.unshift(ids);
        covered += ids.length;
        if (!pageInfo.hasPreviousPage) break;
        cursor = pageInfo.startCursor;
      }
      assert.deepEqual([...pages.flat(), last], all);
    });

    it('past the end: an empty page with null cursors', async () => {
      const res = await api('GET', `/rest/metadata/fields?limit=7&starting_after=${all[all.length - 1]}`);
      assert.deepEqual(res.json, {
        data: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null }, totalCount: all.length,
      });
    });

    it('objects page the same way', async () => {
      const objects = (await api('GET', '/rest/metadata/objects')).json.data.map((o) => o.id);
      const res = await api('GET', `/rest/metadata/objects?limit=3&starting_after=${objects[1]}`);
      assert.deepEqual(res.json.data.map((o) => o.id), objects.slice(2, 5));
      assert.deepEqual(res.json.pageInfo, { hasNextPage: objects.length > 5, hasPreviousPage: true, startCursor: objects[2], endCursor: objects[4] });
      const back = await api('GET', `/rest/metadata/objects?limit=3&ending_before=${objects[5]}`);
      assert.deepEqual(back.json.data.map((o) => o.id), objects.slice(2, 5));
      assert.deepEqual(back.json.pageInfo, { hasNextPage: true, hasPreviousPage: true, startCursor: objects[2], endCursor: objects[4] });
    });
  });

  // ---- 7. concurrency --------------------------------------------------------------------------

  describe('concurrent changes on one workspace', () => {
    let conc;
    before(async () => {
      conc = await createObject('parallel', 'parallels');
    });

    it('two field creations at once: both 201, version +2, no drift', async () => {
      const v0 = version(ws.A);
      const [a, b] = await Promise.all([
        api('POST', '/rest/metadata/fields', { objectMetadataId: conc.id, type: 'TEXT', name: 'left', label: 'Left' }),
        api('POST', '/rest/metadata/fields', { objectMetadataId: conc.id, type: 'SELECT', name: 'right', label: 'Right', options: opts2() }),
      ]);
      assert.equal(a.status, 201, show(a));
      assert.equal(b.status, 201, show(b));
      assert.deepEqual(version(ws.A), { version: v0.version + 2, migrations: v0.migrations + 2 });
      const cols = columns(ws.A, '_parallel');
      assert.ok(cols.left && cols.right, JSON.stringify(Object.keys(cols)));
      await assertNoDrift(ws.A, 'after concurrent field creations');
    });

    it('two object creations at once: both 201, version +2, no drift', async () => {
      const v0 = version(ws.A);
      const body = (n) => ({ nameSingular: n, namePlural: `${n}s`, labelSingular: cap(n), labelPlural: `${cap(n)}s` });
      const [a, b] = await Promise.all([api('POST', '/rest/metadata/objects', body('twinA')), api('POST', '/rest/metadata/objects', body('twinB'))]);
      assert.equal(a.status, 201, show(a));
      assert.equal(b.status, 201, show(b));
      assert.deepEqual(version(ws.A), { version: v0.version + 2, migrations: v0.migrations + 2 });
      assert.ok(tableExists(ws.A, '_twinA') && tableExists(ws.A, '_twinB'));
      for (const [, target, morph] of DEFAULT_RELATIONS) {
        const cols = columns(ws.A, target);
        for (const n of ['twinA', 'twinB']) assert.ok((morph ? `target${cap(n)}Id` : `${n}Id`) in cols, `${target}: ${n}`);
      }
      await assertNoDrift(ws.A, 'after concurrent object creations');
    });

    it('two creations of the same field name at once: one 201, one 400 NOT_AVAILABLE', async () => {
      for (const name of ['same1', 'same2', 'same3']) {
        const v0 = version(ws.A);
        const req = () => api('POST', '/rest/metadata/fields', { objectMetadataId: conc.id, type: 'NUMBER', name, label: cap(name) });
        const res = await Promise.all([req(), req()]);
        assert.deepEqual(res.map((r) => r.status).sort(), [201, 400], res.map(show).join('\n'));
        const bad = res.find((r) => r.status === 400);
        assert.deepEqual(bad.json, validationBody('field', 'create', 'NOT_AVAILABLE',
          `Name "${name}" is not available as it is already used by another field`));
        assert.deepEqual(version(ws.A), { version: v0.version + 1, migrations: v0.migrations + 1 });
        assert.equal(fieldRows(`f."objectMetadataId" = '${conc.id}' AND f.name = '${name}'`).length, 1);
      }
      await assertNoDrift(ws.A, 'after same-name races');
    });

    it('two creations of the same object name at once: one 201, one 400 OBJECT_ALREADY_EXISTS', async () => {
      const v0 = version(ws.A);
      const req = () => api('POST', '/rest/metadata/objects',
        { nameSingular: 'clash', namePlural: 'clashes', labelSingular: 'Clash', labelPlural: 'Clashes' });
      const res = await Promise.all([req(), req()]);
      assert.deepEqual(res.map((r) => r.status).sort(), [201, 400], res.map(show).join('\n'));
      assert.deepEqual(res.find((r) => r.status === 400).json, validationBody('object', 'create', 'OBJECT_ALREADY_EXISTS', 'Object already exists'));
      assert.deepEqual(version(ws.A), { version: v0.version + 1, migrations: v0.migrations + 1 });
    });

    function opts2() {
      return [{ value: 'ON', label: 'On', position: 0 }, { value: 'OFF', label: 'Off', position: 1 }];
    }
  });

  // ---- 6. random changes, then doctor ----------------------------------------------------------

  describe('50 random changes (seeded), then doctor', () => {
    const SEED = 20240611;
    const log = [];

    it('every change succeeds with one version bump; doctor reports no drift', async () => {
      const rnd = prng(SEED);
      const v0 = version(ws.A);
      let n = 0;
      let serial = 0;
      // Candidates in a stable order (ids are random): objects by name, fields by object and name.
      const byKey = (k) => (a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0);
      const customObjects = () => objectRows(`o."workspaceId" = '${ws.A.id}' AND o."isCustom"`)
        .sort(byKey((o) => o.nameSingular));
      const customFields = () => {
        const names = Object.fromEntries(objectRows(`o."workspaceId" = '${ws.A.id}'`).map((o) => [o.id, o.nameSingular]));
        return fieldRows(`f."workspaceId" = '${ws.A.id}' AND f."isCustom" AND f.type <> 'MORPH_RELATION'`)
          .sort(byKey((f) => `${names[f.objectMetadataId]}.${f.name}`));
      };
      const step = async (what, method, path, body, status) => {
        log.push(`${what}: ${method} ${path} ${body ? JSON.stringify(body) : ''}`);
        try {
          const r = await change(method, path, body, status);
          n++;
          return r;
        } catch (err) {
          err.message = `seed ${SEED}, change ${n + 1} (${what})\n${log.slice(-5).join('\n')}\n${err.message}`;
          throw err;
        }
      };
      const optionsFor = () => [0, 1, 2].map((i) => ({ value: `V${++serial}`, label: `Value ${serial}`, position: i }));

      while (n < 50) {
        const objects = customObjects();
        const active = objects.filter((o) => o.isActive);
        const fields = customFields();
        const roll = rnd.next();
        if (active.length < 2 || roll < 0.1) {
          const name = `obj${++serial}`;
          await step('create object', 'POST', '/rest/metadata/objects',
            { nameSingular: name, namePlural: `${name}s`, labelSingular: `Obj ${serial}`, labelPlural: `Objs ${serial}` }, 201);
        } else if (roll < 0.45) {
          const o = rnd.pick(active);
          const type = rnd.pick(CREATABLE);
          const name = `r${++serial}`;
          const body = { objectMetadataId: o.id, type, name, label: `R ${serial}` };
          if (type === 'SELECT' || type === 'MULTI_SELECT') body.options = optionsFor();
          if (type === 'FILES') body.settings = { maxNumberOfValues: 3 };
          if (type === 'RELATION') {
            const targets = [...active, objectByName(ws.A, 'company'), objectByName(ws.A, 'person')];
            body.relationCreationPayload = {
              targetObjectMetadataId: rnd.pick(targets).id, targetFieldLabel: `Inv ${serial}`,
              type: rnd.pick(['MANY_TO_ONE', 'ONE_TO_MANY']),
            };
          }
          if (type === 'NUMBER' && rnd.next() < 0.5) body.defaultValue = rnd.int(100);
          if (type === 'TEXT' && rnd.next() < 0.3) body.isUnique = true;
          await step(`create ${type} field`, 'POST', '/rest/metadata/fields', body, 201);
        } else if (roll < 0.55 && fields.length) {
          const f = rnd.pick(fields.filter((x) => x.type !== 'RELATION'));
          if (!f) continue;
          await step(`rename ${f.type} field ${f.name}`, 'PATCH', `/rest/metadata/fields/${f.id}`,
            { name: `n${++serial}`, label: `N ${serial}` }, 200);
        } else if (roll < 0.63 && fields.length) {
          const f = rnd.pick(fields);
          await step(`toggle ${f.name}`, 'PATCH', `/rest/metadata/fields/${f.id}`, { isActive: !f.isActive }, 200);
        } else if (roll < 0.73) {
          const enumsF = fields.filter((x) => x.type === 'SELECT' || x.type === 'MULTI_SELECT');
          if (!enumsF.length) continue;
          const f = rnd.pick(enumsF);
          const keep = f.options.filter(() => rnd.next() < 0.6);
          const options = [...keep, { value: `W${++serial}`, label: `W ${serial}`, position: 10 + serial }];
          await step(`options of ${f.name}`, 'PATCH', `/rest/metadata/fields/${f.id}`, { options }, 200);
        } else if (roll < 0.83 && fields.length) {
          const f = rnd.pick(fields);
          await step(`delete ${f.type} field ${f.name}`, 'DELETE', `/rest/metadata/fields/${f.id}`, undefined, 200);
        } else if (roll < 0.91) {
          const o = rnd.pick(active.filter((x) => x.nameSingular !== 'crate'));
          const name = `ren${++serial}`;
          await step(`rename object ${o.nameSingular}`, 'PATCH', `/rest/metadata/objects/${o.id}`,
            { nameSingular: name, namePlural: `${name}s`, labelSingular: `Ren ${serial}`, labelPlural: `Rens ${serial}` }, 200);
        } else {
          const o = rnd.pick(objects.filter((x) => x.nameSingular !== 'crate' && x.nameSingular !== 'widget'));
          if (!o) continue;
          if (o.isActive) await step(`deactivate ${o.nameSingular}`, 'PATCH', `/rest/metadata/objects/${o.id}`, { isActive: false }, 200);
          await step(`delete object ${o.nameSingular}`, 'DELETE', `/rest/metadata/objects/${o.id}`, undefined, 200);
        }
      }
      assert.deepEqual(version(ws.A), { version: v0.version + n, migrations: v0.migrations + n });
      await assertNoDrift(ws.A, `after ${n} random changes (seed ${SEED})`);
      assert.deepEqual(unindexedForeignKeys(ws.A), []);
    });

    it('a column added by hand: doctor exits 1 and names it', async () => {
      sql(`ALTER TABLE ${ws.A.schema}."_crate" ADD COLUMN "handMade" text`);
      try {
        const r = await doctor(ws.A);
        assert.equal(r.code, 1, `doctor exit ${r.code}\n${r.stdout}\n${r.stderr}`);
        const lines = r.stdout.split('\n').filter((l) => l !== '');
        assert.ok(lines.length >= 1, r.stdout);
        assert.ok(!lines.some((l) => /no drift/.test(l)), r.stdout);
        assert.ok(lines.some((l) => l.includes('handMade') && l.includes('_crate')), `a line names _crate.handMade:\n${r.stdout}`);
      } finally {
        sql(`ALTER TABLE ${ws.A.schema}."_crate" DROP COLUMN "handMade"`);
      }
      await assertNoDrift(ws.A, 'after dropping the hand-made column');
      await assertNoDrift(ws.B, 'workspace B');
    });
  });
});
