'use strict';
// The records query engine over every field type (spec/twenty-api.md §1.5-1.7, §4.6): a custom
// object created through the metadata API with one field of each filterable type, records
// written through the REST API (nulls included), then every operator on every type and
// composite sub-field, and keyset cursors walked forward and backward under every order
// direction — each answer checked against the same question asked of PostgreSQL directly.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { describe, it, before, after } = require('node:test');
const h = require('./harness');

const { APP_SECRET, USERS, accessToken } = require('./devseed');

const token = () => accessToken(USERS.jane);
const N = 40;
// A small deterministic generator, so failures reproduce.
let seed = 7;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
const maybe = (v) => (rnd() < 0.2 ? null : v);

describe('records query engine: every operator on every field type, cursors in every direction', { timeout: 300000 }, () => {
  let cluster;
  let server;
  const schema = 'workspace_1wgvd1injqtife6y4rvfbu3h5';
  const table = `${schema}."_sample"`;
  const sql = (q) => cluster.psql(q).trim();
  const call = (method, path, body) => h.request(server.base, path, {
    method,
    headers: { Authorization: `Bearer ${token()}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const ids = (where) => sql(`SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM ${table} WHERE "deletedAt" IS NULL AND (${where})`);

  before(async () => {
    cluster = await h.startCluster();
    const env = { PG_DATABASE_URL: cluster.url, APP_SECRET };
    const s = await h.runCli(['seed', 'dev'], { env, timeoutMs: 240000 });
    assert.equal(s.code, 0, s.stderr);
    server = await h.startServer({ env });
    const obj = await call('POST', '/rest/metadata/objects', { nameSingular: 'sample', namePlural: 'samples', labelSingular: 'Sample', labelPlural: 'Samples' });
    assert.equal(obj.status, 201, obj.text);
    const opts = (values) => values.map((v, i) => ({ value: v, label: v, position: i, color: 'red' }));
    const fields = [
      ['text', 'TEXT'], ['num', 'NUMBER'], ['dec', 'NUMERIC'], ['flag', 'BOOLEAN'], ['at', 'DATE_TIME'], ['day', 'DATE'],
      ['ref', 'UUID'], ['kind', 'SELECT', { options: opts(['A', 'B', 'C']) }], ['tags', 'MULTI_SELECT', { options: opts(['X', 'Y', 'Z']) }],
      ['stars', 'RATING'], ['words', 'ARRAY'], ['data', 'RAW_JSON'], ['price', 'CURRENCY'], ['who', 'FULL_NAME'], ['site', 'LINKS'],
      ['mail', 'EMAILS'], ['phone', 'PHONES'], ['addr', 'ADDRESS'],
    ];
    for (const [name, type, extra] of fields) {
      const f = await call('POST', '/rest/metadata/fields', { objectMetadataId: obj.json.id, type, name, label: name, ...(extra || {}) });
      assert.equal(f.status, 201, `${name}: ${f.text}`);
    }
    const refs = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const records = Array.from({ length: N }, (_, i) => ({
      name: `sample ${String(i).padStart(2, '0')}`,
      text: maybe(pick(['alpha', 'Beta', 'gamma ray', 'delta', "o'neil", '100%'])),
      num: maybe(pick([-3, 0, 1.5, 7, 42, 1000])),
      dec: maybe(pick(['-1.25', '0', '3.14159', '99999999999.5'])),
      flag: pick([true, false]),
      at: maybe(pick(['2024-01-01T00:00:00.000Z', '2024-02-29T12:30:00.000Z', '2025-06-15T23:59:59.000Z'])),
      day: maybe(pick(['2023-12-31', '2024-02-29', '2025-01-01'])),
      ref: maybe(pick(refs)),
      kind: maybe(pick(['A', 'B', 'C'])),
      tags: maybe(pick([[], ['X'], ['Y', 'Z'], ['X', 'Z']])),
      stars: maybe(pick(['RATING_1', 'RATING_3', 'RATING_5'])),
      words: maybe(pick([[], ['red'], ['red', 'blue'], ['green']])),
      data: maybe(pick([{ a: 1 }, { b: 'two' }, [1, 2]])),
      price: { amountMicros: maybe(pick([0, 1500000, 99000000])), currencyCode: pick(['USD', 'EUR']) },
      who: { firstName: pick(['Ann', 'Bob', 'Émile']), lastName: maybe(pick(['Smith', 'Zed'])) },
      site: { primaryLinkUrl: maybe(pick(['https://a.com', 'https://b.org/x'])), primaryLinkLabel: '' },
      mail: { primaryEmail: maybe(pick(['a@x.io', 'b@y.io'])) },
      phone: { primaryPhoneNumber: maybe(pick(['600000000', '700000000'])), primaryPhoneCountryCode: 'FR' },
      addr: { addressCity: maybe(pick(['Paris', 'Lyon', 'Nice'])), addressLat: maybe(pick([43.7, 48.85])) },
    }));
    await h.waitFor(async () => (await call('GET', '/rest/samples?limit=0')).status === 200, 2000);
    const res = await call('POST', '/rest/batch/samples', records);
    assert.equal(res.status, 201, res.text);
    // Two soft-deleted records, which no filter but deletedAt sees.
    const gone = res.json.data.createSamples.slice(0, 2).map((r) => r.id);
    const del = await call('DELETE', `/rest/samples?soft_delete=true&filter=id[in]:[${gone.join(',')}]`);
    assert.equal(del.status, 200, del.text);
    globalThis.sampleRefs = refs;
  });

  after(async () => {
    if (server) await server.stop();
    if (cluster) await cluster.destroy();
  });

  it('every operator on every type and composite sub-field matches PostgreSQL', async () => {
    const [r0] = globalThis.sampleRefs;
    const cases = [
      // TEXT
      ['text[eq]:"alpha"', `text = 'alpha'`], ['text[neq]:"alpha"', `text <> 'alpha'`],
      ['text[in]:["alpha","delta"]', `text IN ('alpha','delta')`], ['text[is]:NULL', 'text IS NULL'], ['text[is]:NOT_NULL', 'text IS NOT NULL'],
      ['text[like]:"%a%"', `text LIKE '%a%'`], ['text[ilike]:"b%"', `text ILIKE 'b%'`], ['text[startsWith]:"gam"', `text LIKE 'gam%'`],
      ['text[endsWith]:"ta"', `text LIKE '%ta'`], ['text[gt]:"b"', `text > 'b'`], ['text[eq]:"o\'neil"', `text = 'o''neil'`],
      ['text[like]:"100%"', `text LIKE '100%'`],
      // NUMBER, NUMERIC
      ['num[eq]:7', 'num = 7'], ['num[neq]:7', 'num <> 7'], ['num[gt]:1', 'num > 1'], ['num[gte]:1.5', 'num >= 1.5'], ['num[lt]:0', 'num < 0'],
      ['num[lte]:0', 'num <= 0'], ['num[in]:[0,42]', 'num IN (0,42)'], ['num[is]:NULL', 'num IS NULL'],
      ['dec[gt]:3', 'dec > 3'], ['dec[eq]:-1.25', 'dec = -1.25'], ['dec[lte]:0', 'dec <= 0'], ['dec[is]:NOT_NULL', 'dec IS NOT NULL'],
      // BOOLEAN
      ['flag[eq]:true', 'flag = true'], ['flag[eq]:false', 'flag = false'], ['flag[is]:NOT_NULL', 'flag IS NOT NULL'],
      // DATE_TIME, DATE
      ['at[gte]:"2024-02-01"', `at >= '2024-02-01'`], ['at[lt]:"2024-02-29T12:30:00Z"', `at < '2024-02-29T12:30:00Z'`],
      ['at[eq]:"2025-06-15T23:59:59.000Z"', `at = '2025-06-15T23:59:59Z'`], ['at[is]:NULL', 'at IS NULL'],
      ['day[eq]:"2024-02-29"', `day = '2024-02-29'`], ['day[gt]:"2024-01-01"', `day > '2024-01-01'`], ['day[lte]:"2023-12-31"', `day <= '2023-12-31'`],
      // UUID
      [`ref[eq]:${r0}`, `ref = '${r0}'`], [`ref[neq]:${r0}`, `ref <> '${r0}'`], [`ref[in]:[${r0}]`, `ref IN ('${r0}')`], ['ref[is]:NULL', 'ref IS NULL'],
      // SELECT, RATING (enums: by option name; order by option order)
      ['kind[eq]:"B"', `kind = 'B'`], ['kind[neq]:"B"', `kind <> 'B'`], ['kind[in]:["A","C"]', `kind IN ('A','C')`], ['kind[is]:NULL', 'kind IS NULL'],
      ['stars[eq]:"RATING_3"', `stars = 'RATING_3'`], ['stars[in]:["RATING_1","RATING_5"]', `stars IN ('RATING_1','RATING_5')`],
      // MULTI_SELECT, ARRAY: overlap
      ['tags[containsAny]:["X"]', `tags && ARRAY['X']::"${schema.replace(/"/g, '')}"."_sample_tags_enum"[]`],
      ['tags[in]:["Y","Z"]', `tags::text[] && ARRAY['Y','Z']`], ['tags[is]:NULL', 'tags IS NULL'],
      ['words[containsAny]:["red"]', `words && ARRAY['red']`], ['words[is]:NOT_NULL', 'words IS NOT NULL'],
      // RAW_JSON
      ['data[is]:NULL', 'data IS NULL'], ['data[like]:"%two%"', `data::text LIKE '%two%'`],
      // composites
      ['price.amountMicros[gt]:1000000', '"priceAmountMicros" > 1000000'], ['price.currencyCode[eq]:"EUR"', `"priceCurrencyCode" = 'EUR'`],
      ['price.amountMicros[is]:NULL', '"priceAmountMicros" IS NULL'],
      ['who.firstName[eq]:"Émile"', `"whoFirstName" = 'Émile'`], ['who.lastName[ilike]:"%z%"', `"whoLastName" ILIKE '%z%'`],
      ['site.primaryLinkUrl[startsWith]:"https://b"', `"sitePrimaryLinkUrl" LIKE 'https://b%'`],
      ['mail.primaryEmail[eq]:"a@x.io"', `"mailPrimaryEmail" = 'a@x.io'`], ['phone.primaryPhoneNumber[neq]:"600000000"', `"phonePrimaryPhoneNumber" <> '600000000'`],
      ['addr.addressCity[in]:["Paris","Nice"]', `"addrAddressCity" IN ('Paris','Nice')`], ['addr.addressLat[gt]:45', '"addrAddressLat" > 45'],
      ['createdBy.source[eq]:"MANUAL"', `"createdBySource" = 'MANUAL'`],
      // and / or / not, nested
      ['and(num[gt]:0,flag[eq]:true)', 'num > 0 AND flag = true'],
      ['or(kind[eq]:"A",and(kind[eq]:"B",num[is]:NULL))', `kind = 'A' OR (kind = 'B' AND num IS NULL)`],
      ['not(text[is]:NULL)', 'NOT (text IS NULL)'], ['or(not(flag[eq]:true),price.currencyCode[eq]:"USD")', `NOT (flag = true) OR "priceCurrencyCode" = 'USD'`],
    ];
    const failures = [];
    for (const [filter, where] of cases) {
      const res = await call('GET', `/rest/samples?limit=200&order_by=id&filter=${encodeURIComponent(filter)}`);
      if (res.status !== 200) {
        failures.push(`${filter}: ${res.status} ${res.text}`);
        continue;
      }
      const got = res.json.data.samples.map((r) => r.id).join(',');
      const want = ids(where);
      if (got !== want) failures.push(`${filter}: got ${got.split(',').filter(Boolean).length} records, want ${want.split(',').filter(Boolean).length}`);
      if (res.json.totalCount !== want.split(',').filter(Boolean).length) failures.push(`${filter}: totalCount ${res.json.totalCount}`);
    }
    assert.deepEqual(failures, []);
    // soft-deleted records are seen only by a filter naming deletedAt
    const deleted = await call('GET', `/rest/samples?filter=${encodeURIComponent('deletedAt[is]:NOT_NULL')}`);
    assert.equal(deleted.json.totalCount, 2);
    // a value that does not fit the type is a 400, never SQL
    for (const bad of ['num[eq]:"x"', 'flag[eq]:maybe', 'flag[neq]:true', 'at[gt]:"yesterday"', 'ref[eq]:42', 'kind[eq]:"D"', 'day[eq]:"2024-02-30"', 'nope[eq]:1', 'num[eq]:1);DROP TABLE x;--']) {
      const res = await call('GET', `/rest/samples?filter=${encodeURIComponent(bad)}`);
      assert.equal(res.status, 400, `${bad}: ${res.text}`);
      assert.equal(res.json.code, 'INVALID_FILTER_QUERY_PARAM', bad);
    }
  });

  it('cursors: every record once, in PostgreSQL\'s order, forward and backward, for every direction and column kind', async () => {
    const columns = [['num', 'num'], ['text', 'text'], ['at', 'at'], ['kind', 'kind'], ['price.amountMicros', '"priceAmountMicros"'], ['who.lastName', '"whoLastName"']];
    const dirs = { AscNullsFirst: 'ASC NULLS FIRST', AscNullsLast: 'ASC NULLS LAST', DescNullsFirst: 'DESC NULLS FIRST', DescNullsLast: 'DESC NULLS LAST' };
    for (const [path, col] of columns) {
      for (const [dir, sqlDir] of Object.entries(dirs)) {
        const order = encodeURIComponent(`${path}[${dir}]`);
        const want = sql(`SELECT string_agg(id::text, ',' ORDER BY ${col} ${sqlDir}, id) FROM ${table} WHERE "deletedAt" IS NULL`).split(',');
        const forward = [];
        const cursors = [];
        let after = null;
        for (let pages = 0; pages < 20; pages++) {
          const res = await call('GET', `/rest/samples?limit=7&order_by=${order}${after ? `&starting_after=${encodeURIComponent(after)}` : ''}`);
          assert.equal(res.status, 200, res.text);
          forward.push(...res.json.data.samples.map((r) => r.id));
          cursors.push(res.json.pageInfo.startCursor);
          if (!res.json.pageInfo.hasNextPage) {
            after = res.json.pageInfo.endCursor;
            break;
          }
          after = res.json.pageInfo.endCursor;
        }
        assert.deepEqual(forward, want, `${path} ${dir} forward`);
        // backward from the last record: every earlier record once
        const backward = [];
        let before = after;
        for (let pages = 0; pages < 20; pages++) {
          const res = await call('GET', `/rest/samples?limit=7&order_by=${order}&ending_before=${encodeURIComponent(before)}`);
          assert.equal(res.status, 200, res.text);
          backward.unshift(...res.json.data.samples.map((r) => r.id));
          if (!res.json.pageInfo.hasPreviousPage) break;
          before = res.json.pageInfo.startCursor;
        }
        assert.deepEqual(backward, want.slice(0, -1), `${path} ${dir} backward`);
      }
    }
  });
});
