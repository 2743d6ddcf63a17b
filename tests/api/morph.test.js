'use strict';
// MORPH_RELATION fields through the metadata REST API (spec api §5.4, datamodel §1.4): one member
// per target sharing a morphId, named <name><Target>, each with a join column, a foreign key and
// an inverse field on its target; deleting a member deletes its inverse.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('./harness');

describe('morph relations', () => {
  let cluster;
  let srv;
  let token;
  let workspace;
  let schema;
  const env = () => ({ PG_DATABASE_URL: cluster.url, APP_SECRET: 'test-secret' });
  const call = (method, path, body) =>
    h.request(srv.base, `/rest/metadata${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const sql = (q) => cluster.psql(q).trim();

  before(async () => {
    cluster = await h.startCluster();
    const ws = await h.runCli(['workspace', 'create', '--name', 'Morph'], { env: env() });
    assert.equal(ws.code, 0, ws.stderr);
    workspace = ws.stdout.trim();
    schema = sql(`SELECT "databaseSchema" FROM core.workspace WHERE id = '${workspace}'`);
    const key = await h.runCli(['apikey', 'create', '--workspace', workspace, '--name', 'k'], { env: env() });
    token = key.stdout.trim().split('\n')[1];
    srv = await h.startServer({ env: env() });
  });

  after(async () => {
    if (srv) await srv.stop();
    if (cluster) await cluster.destroy();
  });

  it('creates one member per target with a shared morphId, join columns, FKs and inverses', async () => {
    const pet = await call('POST', '/objects', { nameSingular: 'pet', namePlural: 'pets', labelSingular: 'Pet', labelPlural: 'Pets' });
    assert.equal(pet.status, 201, pet.text);
    const objects = (await call('GET', '/objects')).json.data;
    const id = (name) => objects.find((o) => o.nameSingular === name).id;
    const res = await call('POST', '/fields', {
      objectMetadataId: pet.json.id,
      type: 'MORPH_RELATION',
      name: 'owner',
      label: 'Owner',
      morphRelationsCreationPayload: [
        { targetObjectMetadataId: id('person'), targetFieldLabel: 'Pets', type: 'MANY_TO_ONE' },
        { targetObjectMetadataId: id('company'), targetFieldLabel: 'Owned pets', type: 'MANY_TO_ONE' },
      ],
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.name, 'ownerPerson');
    assert.equal(res.json.type, 'MORPH_RELATION');
    assert.deepEqual(res.json.settings, { relationType: 'MANY_TO_ONE', onDelete: 'SET_NULL', joinColumnName: 'ownerPersonId' });

    const rows = JSON.parse(sql(`SELECT json_agg(json_build_object('name', f.name, 'type', f.type,
        'morphId', f."morphId", 'object', o."nameSingular", 'target', t.name) ORDER BY f.name)
      FROM core."fieldMetadata" f JOIN core."objectMetadata" o ON o.id = f."objectMetadataId"
      LEFT JOIN core."fieldMetadata" t ON t.id = f."relationTargetFieldMetadataId"
      WHERE f."workspaceId" = '${workspace}' AND (f.name LIKE 'owner%' AND o."nameSingular" = 'pet'
        OR f.name IN ('pets', 'ownedPets'))`));
    const morphIds = new Set(rows.filter((r) => r.type === 'MORPH_RELATION').map((r) => r.morphId));
    assert.equal(morphIds.size, 1, 'members share one morphId');
    assert.deepEqual(rows.map(({ morphId, ...r }) => r), [
      { name: 'ownedPets', type: 'RELATION', object: 'company', target: 'ownerCompany' },
      { name: 'ownerCompany', type: 'MORPH_RELATION', object: 'pet', target: 'ownedPets' },
      { name: 'ownerPerson', type: 'MORPH_RELATION', object: 'pet', target: 'pets' },
      { name: 'pets', type: 'RELATION', object: 'person', target: 'ownerPerson' },
    ]);
    const fks = sql(`SELECT string_agg(a.attname || '->' || rc.relname || ':' || con.confdeltype::text, ',' ORDER BY a.attname)
      FROM pg_constraint con JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
      JOIN pg_class rc ON rc.oid = con.confrelid
      WHERE con.conrelid = '"${schema}"."_pet"'::regclass AND con.contype = 'f'`);
    assert.equal(fks, 'ownerCompanyId->company:n,ownerPersonId->person:n');
    const doctor = await h.runCli(['doctor'], { env: env() });
    assert.equal(doctor.code, 0, doctor.stdout + doctor.stderr);
  });

  it('deleting a member drops its column and its inverse', async () => {
    const fields = (await call('GET', '/fields')).json.data;
    const member = fields.find((f) => f.name === 'ownerCompany');
    const res = await call('DELETE', `/fields/${member.id}`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.name, 'ownerCompany');
    const left = sql(`SELECT count(*) FROM core."fieldMetadata" WHERE "workspaceId" = '${workspace}'
      AND name IN ('ownerCompany', 'ownedPets')`);
    assert.equal(left, '0');
    const cols = sql(`SELECT count(*) FROM information_schema.columns WHERE table_schema = '${schema}'
      AND column_name = 'ownerCompanyId'`);
    assert.equal(cols, '0');
    const doctor = await h.runCli(['doctor'], { env: env() });
    assert.equal(doctor.code, 0, doctor.stdout + doctor.stderr);
  });

  it('a payload naming an unknown target is refused and changes nothing', async () => {
    const pet = (await call('GET', '/objects')).json.data.find((o) => o.nameSingular === 'pet');
    const version = sql(`SELECT "metadataVersion" FROM core.workspace WHERE id = '${workspace}'`);
    const res = await call('POST', '/fields', {
      objectMetadataId: pet.id, type: 'MORPH_RELATION', name: 'friend', label: 'Friend',
      morphRelationsCreationPayload: [{ targetObjectMetadataId: '00000000-0000-4000-8000-000000000000', targetFieldLabel: 'X', type: 'MANY_TO_ONE' }],
    });
    assert.equal(res.status, 400, res.text);
    assert.equal(res.json.error, 'METADATA_VALIDATION_ERROR');
    assert.equal(res.json.errors.fieldMetadata[0].errors[0].code, 'FIELD_METADATA_RELATION_MALFORMED');
    assert.equal(sql(`SELECT "metadataVersion" FROM core.workspace WHERE id = '${workspace}'`), version);
  });
});
