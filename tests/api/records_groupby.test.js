'use strict';
// GET /rest/{plural}/groupBy (spec/twenty-api.md §1.2 #4, §1.4, §1.11, §4.5) on Twenty's seed plus
// fixture opportunities inserted by SQL: SELECT, composite, relation and array dimensions, every
// date granularity with its bucket boundaries in a time zone, aggregates checked against SQL,
// filter, order, limit, records samples, hostile input and the seed's permission roles.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('./harness');

const { APP_SECRET, APPLE, USERS, accessToken } = require('./devseed');

// Fixture opportunities (name gbtest-X), one per interesting instant: A is Sunday 23:30 UTC,
// already Monday 1 April in Tokyo; D is New Year's Eve in UTC and New Year's Day in Tokyo.
const FIXTURES = {
  A: { close: '2024-03-31T23:30:00.000Z', stage: 'NEW', micros: 1000000, currency: 'USD' },
  B: { close: '2024-03-30T10:00:00.000Z', stage: 'NEW', micros: 3000000, currency: 'USD' },
  C: { close: '2024-01-01T00:00:00.000Z', stage: 'MEETING', micros: 5000000, currency: 'EUR' },
  D: { close: '2024-12-31T20:00:00.000Z', stage: 'MEETING', micros: null, currency: null },
  E: { close: '2024-06-15T12:00:00.000Z', stage: 'CUSTOMER', micros: 2000000, currency: 'USD' },
  F: { close: null, stage: 'NEW', micros: 4000000, currency: 'USD' },
};
const ONLY_FIXTURES = 'name[like]:"gbtest-%"';

// Expected bucket of each fixture (A..F) per granularity.
const BUCKETS = {
  'DAY UTC': ['2024-03-31', '2024-03-30', '2024-01-01', '2024-12-31', '2024-06-15', null],
  'DAY Asia/Tokyo': ['2024-04-01', '2024-03-30', '2024-01-01', '2025-01-01', '2024-06-15', null],
  'WEEK UTC': ['2024-03-25', '2024-03-25', '2024-01-01', '2024-12-30', '2024-06-10', null],
  'WEEK UTC SUNDAY': ['2024-03-31', '2024-03-24', '2023-12-31', '2024-12-29', '2024-06-09', null],
  'WEEK UTC SATURDAY': ['2024-03-30', '2024-03-30', '2023-12-30', '2024-12-28', '2024-06-15', null],
  'WEEK Asia/Tokyo': ['2024-04-01', '2024-03-25', '2024-01-01', '2024-12-30', '2024-06-10', null],
  'MONTH UTC': ['2024-03-01', '2024-03-01', '2024-01-01', '2024-12-01', '2024-06-01', null],
  'MONTH Asia/Tokyo': ['2024-04-01', '2024-03-01', '2024-01-01', '2025-01-01', '2024-06-01', null],
  'QUARTER UTC': ['2024-01-01', '2024-01-01', '2024-01-01', '2024-10-01', '2024-04-01', null],
  'QUARTER Asia/Tokyo': ['2024-04-01', '2024-01-01', '2024-01-01', '2025-01-01', '2024-04-01', null],
  'YEAR UTC': ['2024-01-01', '2024-01-01', '2024-01-01', '2024-01-01', '2024-01-01', null],
  'YEAR Asia/Tokyo': ['2024-01-01', '2024-01-01', '2024-01-01', '2025-01-01', '2024-01-01', null],
  'DAY_OF_THE_WEEK': ['Sunday', 'Saturday', 'Monday', 'Tuesday', 'Saturday', null],
  'DAY_OF_THE_WEEK Asia/Tokyo': ['Monday', 'Saturday', 'Monday', 'Wednesday', 'Saturday', null],
  'MONTH_OF_THE_YEAR': ['March', 'March', 'January', 'December', 'June', null],
  'QUARTER_OF_THE_YEAR': ['Q1', 'Q1', 'Q1', 'Q4', 'Q2', null],
  'NONE': Object.values(FIXTURES).map((f) => f.close),
};

// {bucket: count} from a list of buckets (null as the key "null").
const tally = (values) => values.reduce((acc, v) => ({ ...acc, [String(v)]: (acc[String(v)] || 0) + 1 }), {});
// {bucket: totalCount} from a groupBy answer with one dimension.
const counts = (groups) => Object.fromEntries(groups.map((g) => [String(g.groupByDimensionValues[0]), g.totalCount]));

describe('records REST API: groupBy', { timeout: 300000 }, () => {
  let cluster;
  let server;
  const schema = 'workspace_1wgvd1injqtife6y4rvfbu3h5';
  const sql = (q) => cluster.psql(q).trim();
  const sqlJson = (q) => JSON.parse(sql(q));
  const get = (path, user = 'jane') => h.request(server.base, path,
    { headers: user ? { Authorization: `Bearer ${accessToken(USERS[user])}` } : {} });
  // groupBy on plural with params; objects and arrays are sent as JSON, strings as they are.
  const groupBy = (plural, params, user = 'jane') => {
    const qs = Object.entries(params)
      .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`).join('&');
    return get(`/rest/${plural}/groupBy?${qs}`, user);
  };
  const ok = async (plural, params, user) => {
    const res = await groupBy(plural, params, user);
    assert.equal(res.status, 200, res.text);
    h.assertJsonHeaders(res.headers);
    assert.ok(Array.isArray(res.json), 'the answer is the array of groups itself');
    return res.json;
  };
  const refused = async (plural, params, status, code, message, user) => {
    const res = await groupBy(plural, params, user);
    assert.equal(res.status, status, res.text);
    assert.deepEqual(Object.keys(res.json).sort(), ['code', 'error', 'messages', 'statusCode']);
    assert.equal(res.json.statusCode, status);
    assert.equal(res.json.error, status === 403 ? 'ForbiddenException' : 'BadRequestException');
    assert.equal(res.json.code, code, res.text);
    if (message) assert.deepEqual(res.json.messages, [message]);
    return res;
  };
  const ids = {};

  before(async () => {
    cluster = await h.startCluster();
    const env = { PG_DATABASE_URL: cluster.url, APP_SECRET };
    const seed = await h.runCli(['seed', 'dev'], { env, timeoutMs: 240000 });
    assert.equal(seed.code, 0, seed.stderr);
    server = await h.startServer({ env });
    for (const [key, f] of Object.entries(FIXTURES)) {
      const lit = (v) => (v === null ? 'NULL' : `'${v}'`);
      ids[key] = sql(`INSERT INTO ${schema}.opportunity (name, "closeDate", stage, "amountAmountMicros", "amountCurrencyCode")
        VALUES ('gbtest-${key}', ${lit(f.close)}, '${f.stage}', ${f.micros === null ? 'NULL' : f.micros}, ${lit(f.currency)})
        RETURNING id`).split('\n')[0];
    }
  });

  after(async () => {
    if (server) await server.stop();
    if (cluster) await cluster.destroy();
  });

  it('a SELECT field: one item per stage with Twenty\'s keys, counts as numbers, as SQL counts them', async () => {
    const groups = await ok('opportunities', { group_by: [{ stage: true }], aggregate: ['totalCount', 'countNotEmptyId'] });
    const expected = sqlJson(`SELECT json_object_agg(stage, n) FROM (SELECT stage, count(*) n FROM ${schema}.opportunity
      WHERE "deletedAt" IS NULL GROUP BY stage) x`);
    assert.deepEqual(counts(groups), expected);
    for (const g of groups) {
      assert.deepEqual(Object.keys(g), ['totalCount', 'countNotEmptyId', 'groupByDimensionValues']);
      assert.equal(typeof g.groupByDimensionValues[0], 'string');
      assert.equal(g.countNotEmptyId, g.totalCount);
    }
    // Without order_by the groups come by dimension (option order for a SELECT).
    assert.deepEqual(groups.map((g) => g.groupByDimensionValues[0]), ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER']);
  });

  for (const [label, expected] of Object.entries(BUCKETS)) {
    it(`a date field by ${label}: each record in its bucket`, async () => {
      const [granularity, zone, week] = label.split(' ');
      const definition = { granularity };
      if (zone) definition.timeZone = zone;
      if (week) definition.weekStartDay = week;
      const groups = await ok('opportunities', { group_by: [{ closeDate: definition }], aggregate: ['totalCount'], filter: ONLY_FIXTURES });
      assert.deepEqual(counts(groups), tally(expected));
      for (const g of groups) assert.equal(g.groupByDimensionValues.length, 1);
    });
  }

  it('DAY_OF_THE_WEEK and MONTH_OF_THE_YEAR order by rank, from the week start the caller gives', async () => {
    const order = (granularity, orderBy) => [{ closeDate: { orderBy, granularity } }];
    const names = (groups) => groups.map((g) => g.groupByDimensionValues[0]);
    let groups = await ok('opportunities', { group_by: [{ closeDate: { granularity: 'DAY_OF_THE_WEEK' } }], filter: ONLY_FIXTURES,
      order_by: order('DAY_OF_THE_WEEK', 'AscNullsLast') });
    assert.deepEqual(names(groups), ['Monday', 'Tuesday', 'Saturday', 'Sunday', null]);
    groups = await ok('opportunities', { group_by: [{ closeDate: { granularity: 'DAY_OF_THE_WEEK', weekStartDay: 'SUNDAY' } }],
      filter: ONLY_FIXTURES, order_by: order('DAY_OF_THE_WEEK', 'AscNullsFirst') });
    assert.deepEqual(names(groups), [null, 'Sunday', 'Monday', 'Tuesday', 'Saturday']);
    groups = await ok('opportunities', { group_by: [{ closeDate: { granularity: 'MONTH_OF_THE_YEAR' } }], filter: ONLY_FIXTURES,
      order_by: order('MONTH_OF_THE_YEAR', 'DescNullsLast') });
    assert.deepEqual(names(groups), ['December', 'June', 'March', 'January', null]);
    groups = await ok('opportunities', { group_by: [{ closeDate: { granularity: 'MONTH', timeZone: 'UTC' } }], filter: ONLY_FIXTURES,
      order_by: order('MONTH', 'DescNullsFirst') });
    assert.deepEqual(names(groups), [null, '2024-12-01', '2024-06-01', '2024-03-01', '2024-01-01']);
  });

  it('a DATE field buckets without a time zone; its plain values are dates', async () => {
    const objectId = sql(`SELECT id FROM core."objectMetadata" WHERE "workspaceId" = '${APPLE}' AND "nameSingular" = 'opportunity'`);
    const created = await h.request(server.base, '/rest/metadata/fields', {
      method: 'POST', headers: { Authorization: `Bearer ${accessToken(USERS.jane)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ objectMetadataId: objectId, type: 'DATE', name: 'signedOn', label: 'Signed on' }),
    });
    assert.equal(created.status, 201, created.text);
    sql(`UPDATE ${schema}.opportunity SET "signedOn" = ("closeDate" AT TIME ZONE 'UTC')::date WHERE name LIKE 'gbtest-%'`);
    let groups = await ok('opportunities', { group_by: [{ signedOn: { granularity: 'MONTH' } }], aggregate: ['totalCount'], filter: ONLY_FIXTURES });
    assert.deepEqual(counts(groups), tally(BUCKETS['MONTH UTC']));
    groups = await ok('opportunities', { group_by: [{ signedOn: { granularity: 'WEEK', weekStartDay: 'SUNDAY' } }], aggregate: ['totalCount'], filter: ONLY_FIXTURES });
    assert.deepEqual(counts(groups), tally(BUCKETS['WEEK UTC SUNDAY']));
    groups = await ok('opportunities', { group_by: [{ signedOn: true }], aggregate: ['totalCount', 'minSignedOn', 'maxSignedOn'], filter: ONLY_FIXTURES });
    assert.deepEqual(counts(groups), tally(BUCKETS['DAY UTC']));
    const all = await ok('opportunities', { group_by: [], aggregate: ['minSignedOn', 'maxSignedOn', 'minCloseDate', 'maxCloseDate'], filter: ONLY_FIXTURES });
    assert.deepEqual(all, [{ minSignedOn: '2024-01-01', maxSignedOn: '2024-12-31', minCloseDate: FIXTURES.C.close,
      maxCloseDate: FIXTURES.D.close, groupByDimensionValues: [] }]);
  });

  it('time zones: required for DAY..YEAR on a date-time, checked, sent as a parameter', async () => {
    const message = 'Time zone should be specified for a group by date on Day, Week, Month, Quarter or Year';
    for (const granularity of ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR']) {
      await refused('opportunities', { group_by: [{ closeDate: { granularity } }] }, 400, 'MISSING_TIMEZONE_FOR_DATE_GROUP_BY', message);
      await refused('opportunities', { group_by: [{ closeDate: { granularity, timeZone: '' } }] }, 400, 'MISSING_TIMEZONE_FOR_DATE_GROUP_BY', message);
    }
    await refused('opportunities', { group_by: [{ closeDate: { granularity: 'DAY', timeZone: 'Mars/Olympus_Mons' } }] }, 400,
      'INVALID_TIMEZONE', 'Invalid timezone: Mars/Olympus_Mons');
    await refused('opportunities', { group_by: [{ closeDate: { granularity: 'DAY', timeZone: "UTC'); DROP TABLE company; --" } }] }, 400,
      'INVALID_TIMEZONE', "Invalid timezone: UTC'); DROP TABLE company; --");
    await refused('opportunities', { group_by: [{ closeDate: { granularity: 'DAY', timeZone: 'UTC+3' } }] }, 400,
      'INVALID_TIMEZONE', 'Invalid timezone: UTC+3');
    await refused('opportunities', { group_by: [{ closeDate: { granularity: 'DAY', timeZone: 7 } }] }, 400, 'INVALID_TIMEZONE');
    await refused('opportunities', { group_by: [{ closeDate: { granularity: 'HOUR', timeZone: 'UTC' } }] }, 400, 'INVALID_QUERY_INPUT');
    await refused('opportunities', { group_by: [{ closeDate: { granularity: 'WEEK', timeZone: 'UTC', weekStartDay: 'FRIDAY' } }] }, 400, 'INVALID_QUERY_INPUT');
    assert.equal(sql(`SELECT count(*) > 0 FROM ${schema}.company`), 't');
  });

  it('aggregates on a currency and a number, as SQL computes them', async () => {
    const groups = await ok('opportunities', { group_by: [{ stage: true }], filter: ONLY_FIXTURES,
      aggregate: ['sumAmountAmountMicros', 'avgAmountAmountMicros', 'minAmountAmountMicros', 'maxAmountAmountMicros',
        'countEmptyAmount', 'countNotEmptyAmount', 'percentageEmptyAmount', 'countUniqueValuesStage', 'totalCount'] });
    const byStage = Object.fromEntries(groups.map((g) => [g.groupByDimensionValues[0], g]));
    assert.deepEqual(Object.keys(byStage), ['NEW', 'MEETING', 'CUSTOMER']);
    assert.deepEqual({ ...byStage.NEW, avgAmountAmountMicros: undefined }, { sumAmountAmountMicros: 8000000, avgAmountAmountMicros: undefined,
      minAmountAmountMicros: 1000000, maxAmountAmountMicros: 4000000, countEmptyAmount: 0, countNotEmptyAmount: 3,
      percentageEmptyAmount: 0, countUniqueValuesStage: 1, totalCount: 3, groupByDimensionValues: ['NEW'] });
    assert.ok(Math.abs(byStage.NEW.avgAmountAmountMicros - 8000000 / 3) < 1e-6);
    assert.deepEqual(byStage.MEETING, { sumAmountAmountMicros: 5000000, avgAmountAmountMicros: 5000000, minAmountAmountMicros: 5000000,
      maxAmountAmountMicros: 5000000, countEmptyAmount: 1, countNotEmptyAmount: 1, percentageEmptyAmount: 0.5, countUniqueValuesStage: 1,
      totalCount: 2, groupByDimensionValues: ['MEETING'] });

    const companies = await ok('companies', { group_by: [{ idealCustomerProfile: true }],
      aggregate: ['sumEmployees', 'avgEmployees', 'minEmployees', 'maxEmployees', 'countTrueIdealCustomerProfile', 'countFalseIdealCustomerProfile'] });
    const expected = sqlJson(`SELECT json_agg(x) FROM (SELECT "idealCustomerProfile" icp, sum(employees) sum, avg(employees) avg,
      min(employees) min, max(employees) max, count(*) n FROM ${schema}.company WHERE "deletedAt" IS NULL GROUP BY 1 ORDER BY 1) x`);
    assert.ok(expected.length >= 2);
    for (const e of expected) {
      const g = companies.find((c) => c.groupByDimensionValues[0] === e.icp);
      assert.ok(g, `group ${e.icp}`);
      assert.equal(typeof g.groupByDimensionValues[0], 'boolean');
      assert.equal(g.sumEmployees, e.sum);
      assert.ok(Math.abs(g.avgEmployees - e.avg) < 1e-6);
      assert.equal(g.minEmployees, e.min);
      assert.equal(g.maxEmployees, e.max);
      assert.equal(g.countTrueIdealCustomerProfile, e.icp ? e.n : 0);
      assert.equal(g.countFalseIdealCustomerProfile, e.icp ? 0 : e.n);
    }
  });

  it('a composite sub-field, a relation\'s field and a join column', async () => {
    const cities = await ok('companies', { group_by: [{ address: { addressCity: true } }], aggregate: ['totalCount'], limit: '200' });
    assert.deepEqual(counts(cities), sqlJson(`SELECT json_object_agg(coalesce("addressAddressCity", 'null'), n) FROM
      (SELECT "addressAddressCity", count(*) n FROM ${schema}.company WHERE "deletedAt" IS NULL GROUP BY 1) x`));
    const byCompany = await ok('people', { group_by: [{ company: { name: true } }], aggregate: ['totalCount'], limit: '200',
      order_by: [{ aggregate: { totalCount: 'DescNullsLast' } }, { company: { name: 'AscNullsFirst' } }] });
    const expected = sqlJson(`SELECT json_agg(json_build_array(name, n) ORDER BY n DESC, name NULLS FIRST) FROM (SELECT c.name, count(*) n
      FROM ${schema}.person p LEFT JOIN ${schema}.company c ON c.id = p."companyId" WHERE p."deletedAt" IS NULL GROUP BY c.name
      ORDER BY 2 DESC, 1 NULLS FIRST LIMIT 200) x`);
    assert.deepEqual(byCompany.map((g) => [g.groupByDimensionValues[0], g.totalCount]), expected);
    const byId = await ok('people', { group_by: [{ companyId: true }], aggregate: ['totalCount'], limit: '5' });
    assert.equal(byId.length, 5);
    for (const g of byId) {
      assert.equal(g.totalCount, Number(sql(`SELECT count(*) FROM ${schema}.person WHERE "deletedAt" IS NULL AND "companyId" ${g.groupByDimensionValues[0] === null ? 'IS NULL' : `= '${g.groupByDimensionValues[0]}'`}`)));
    }
    const lastNames = await ok('people', { group_by: [{ name: { lastName: true } }, { city: true }], aggregate: ['totalCount'], limit: '3',
      order_by: [{ name: { lastName: 'DescNullsLast' } }] });
    assert.equal(lastNames.length, 3);
    const top = sql(`SELECT max("nameLastName") FROM ${schema}.person WHERE "deletedAt" IS NULL`);
    assert.equal(lastNames[0].groupByDimensionValues[0], top);
    assert.equal(lastNames[0].groupByDimensionValues.length, 2);
  });

  it('an array field: whole arrays, or one group per element with unnest', async () => {
    const whole = await ok('people', { group_by: [{ workPreference: true }], aggregate: ['totalCount'] });
    assert.deepEqual(counts(whole.map((g) => ({ ...g, groupByDimensionValues: [JSON.stringify(g.groupByDimensionValues[0])] }))),
      sqlJson(`SELECT json_object_agg(coalesce(array_to_json("workPreference")::text, 'null'), n) FROM
        (SELECT "workPreference", count(*) n FROM ${schema}.person WHERE "deletedAt" IS NULL GROUP BY 1) x`));
    assert.ok(whole.every((g) => g.groupByDimensionValues[0] === null || Array.isArray(g.groupByDimensionValues[0])));
    const elements = await ok('people', { group_by: [{ workPreference: { unnest: true } }], aggregate: ['totalCount'] });
    assert.deepEqual(counts(elements), sqlJson(`SELECT json_object_agg(coalesce(v::text, 'null'), n) FROM (SELECT v, count(*) n
      FROM ${schema}.person p LEFT JOIN LATERAL unnest(p."workPreference") v ON true WHERE p."deletedAt" IS NULL GROUP BY 1) x`));
    await refused('people', { group_by: [{ city: { unnest: true } }] }, 400, 'INVALID_QUERY_INPUT', 'Field "city" does not support unnest in groupBy');
  });

  it('filter, order by an aggregate or a dimension, limit (default 50, at most 200)', async () => {
    const filtered = await ok('opportunities', { group_by: [{ stage: true }], aggregate: ['totalCount'], filter: 'stage[in]:[NEW,CUSTOMER]' });
    assert.deepEqual(counts(filtered), sqlJson(`SELECT json_object_agg(stage, n) FROM (SELECT stage, count(*) n FROM ${schema}.opportunity
      WHERE "deletedAt" IS NULL AND stage IN ('NEW', 'CUSTOMER') GROUP BY stage) x`));
    const fixtures = await ok('opportunities', { group_by: [{ stage: true }], aggregate: ['totalCount'], filter: ONLY_FIXTURES,
      order_by: [{ aggregate: { totalCount: 'AscNullsFirst' } }] });
    assert.deepEqual(fixtures.map((g) => [g.groupByDimensionValues[0], g.totalCount]), [['CUSTOMER', 1], ['MEETING', 2], ['NEW', 3]]);
    const byText = await ok('opportunities', { group_by: [{ stage: true }], filter: ONLY_FIXTURES, order_by: [{ stage: 'DescNullsLast' }] });
    assert.deepEqual(byText.map((g) => g.groupByDimensionValues[0]), ['NEW', 'MEETING', 'CUSTOMER'], 'a SELECT orders by its text, as Twenty casts it');
    const bySum = await ok('opportunities', { group_by: [{ stage: true }], filter: ONLY_FIXTURES,
      order_by: [{ aggregate: { sumAmountAmountMicros: 'DescNullsLast' } }] });
    assert.deepEqual(bySum.map((g) => g.groupByDimensionValues[0]), ['NEW', 'MEETING', 'CUSTOMER']);
    const names = Number(sql(`SELECT count(DISTINCT ("nameFirstName", "nameLastName")) FROM ${schema}.person WHERE "deletedAt" IS NULL`));
    assert.ok(names > 200);
    assert.equal((await ok('people', { group_by: [{ jobTitle: true }, { city: true }, { name: { firstName: true } }] })).length, 50);
    assert.equal((await ok('people', { group_by: [{ name: { firstName: true } }, { name: { lastName: true } }], limit: '1000' })).length, 200);
    assert.equal((await ok('people', { group_by: [{ city: true }], limit: '2' })).length, 2);
    assert.equal((await ok('people', { group_by: [{ name: { firstName: true } }, { name: { lastName: true } }], limit: '0' })).length, 50);
    for (const bad of ['abc', '-1']) {
      await refused('people', { group_by: [{ city: true }], limit: bad }, 400, 'INVALID_LIMIT_QUERY_PARAM', `limit '${bad}' is invalid. Should be an integer`);
    }
    await refused('opportunities', { group_by: [{ stage: true }], filter: 'stage[eq]:NOPE' }, 400, 'INVALID_FILTER_QUERY_PARAM');
  });

  it('include_records_sample: at most 10 records per group, in order_by_for_records, shaped as findMany shapes them', async () => {
    const groups = await ok('opportunities', { group_by: [{ stage: true }], aggregate: ['totalCount'], filter: ONLY_FIXTURES,
      include_records_sample: 'true', order_by_for_records: 'closeDate[DescNullsLast]' });
    const sample = Object.fromEntries(groups.map((g) => [g.groupByDimensionValues[0], g.records.map((r) => r.id)]));
    assert.deepEqual(sample, { NEW: [ids.A, ids.B, ids.F], MEETING: [ids.D, ids.C], CUSTOMER: [ids.E] });
    assert.deepEqual(Object.keys(groups[0]), ['totalCount', 'groupByDimensionValues', 'records']);
    const one = (await get(`/rest/opportunities/${ids.A}`)).json.data.opportunity;
    assert.deepEqual(groups.find((g) => g.groupByDimensionValues[0] === 'NEW').records[0], one);

    const big = await ok('companies', { group_by: [{ idealCustomerProfile: true }], aggregate: ['totalCount'], include_records_sample: 'true' });
    for (const g of big) {
      assert.equal(g.records.length, Math.min(10, g.totalCount));
      const sorted = [...g.records].sort((a, b) => (a.id < b.id ? -1 : 1));
      assert.deepEqual(g.records, sorted, 'by id without order_by_for_records');
      assert.ok(g.records.every((r) => r.idealCustomerProfile === g.groupByDimensionValues[0]));
    }
    const without = await ok('companies', { group_by: [{ idealCustomerProfile: true }], include_records_sample: 'false' });
    assert.ok(without.every((g) => !('records' in g)));
    await refused('companies', { group_by: [{ idealCustomerProfile: true }], include_records_sample: 'true', order_by_for_records: 'nope' },
      400, 'INVALID_ORDER_BY_QUERY_PARAM');
  });

  it('soft-deleted records are left out unless the filter names deletedAt', async () => {
    sql(`UPDATE ${schema}.opportunity SET "deletedAt" = now() WHERE id = '${ids.E}'`);
    try {
      const live = await ok('opportunities', { group_by: [{ stage: true }], aggregate: ['totalCount'], filter: ONLY_FIXTURES });
      assert.deepEqual(counts(live), { NEW: 3, MEETING: 2 });
      const deleted = await ok('opportunities', { group_by: [{ stage: true }], aggregate: ['totalCount'],
        filter: `and(${ONLY_FIXTURES},deletedAt[is]:NOT_NULL)` });
      assert.deepEqual(counts(deleted), { CUSTOMER: 1 });
    } finally {
      sql(`UPDATE ${schema}.opportunity SET "deletedAt" = NULL WHERE id = '${ids.E}'`);
    }
  });

  it('hostile or malformed input is a 400 naming the problem, never SQL', async () => {
    const before = sql(`SELECT count(*) FROM ${schema}.company`);
    const usage = 'Invalid group_by query parameter - should be a valid array of objects - ex: [{"field_2": true}, {"field_3": {"subField": true}}, {"dateField": {"granularity": \'DAY\'}}]';
    for (const bad of [undefined, '', '[{', '{}', '"stage"', '[1]', '[{}]', JSON.stringify([{ stage: true }]).padEnd(5000, ' ')]) {
      await refused('opportunities', bad === undefined ? {} : { group_by: bad }, 400, 'INVALID_GROUP_BY_QUERY_PARAM', usage);
    }
    await refused('opportunities', { group_by: Array(9).fill({ stage: true }) }, 400, 'INVALID_GROUP_BY_QUERY_PARAM');
    await refused('companies', { group_by: [{ 'name"; DROP TABLE company; --': true }] }, 400, 'INVALID_QUERY_INPUT',
      'Unidentified field in groupBy: name"; DROP TABLE company; --');
    await refused('companies', { group_by: [{ name: true, city: true }] }, 400, 'INVALID_QUERY_INPUT',
      'You cannot provide multiple fields in one GroupByInput, split them into multiple GroupByInput');
    await refused('companies', { group_by: [{ address: true }] }, 400, 'INVALID_QUERY_INPUT', 'Composite field "address" requires a subfield to be specified');
    await refused('companies', { group_by: [{ address: { addressCity: true, addressCountry: true } }] }, 400, 'INVALID_QUERY_INPUT',
      'You cannot provide multiple subfields in one GroupByInput, split them into multiple GroupByInput');
    await refused('companies', { group_by: [{ address: { 'x") FROM pg_user; --': true } }] }, 400, 'INVALID_QUERY_INPUT',
      'Composite subfield "x") FROM pg_user; --" is not supported in groupBy for "address"');
    await refused('companies', { group_by: [{ address: { addressCity: 'yes' } }] }, 400, 'INVALID_QUERY_INPUT',
      'Composite subfield "addressCity" must be set to true in groupBy for "address"');
    await refused('companies', { group_by: [{ name: { first: true } }] }, 400, 'INVALID_QUERY_INPUT', 'Field "name" does not support nested subfields in groupBy');
    await refused('companies', { group_by: [{ name: false }] }, 400, 'INVALID_QUERY_INPUT', 'Invalid groupBy definition for field "name"');
    for (const field of ['id', 'position', 'searchVector', 'deletedAt', 'createdBy', 'people']) {
      await refused('companies', { group_by: [{ [field]: true }] }, 400, 'INVALID_QUERY_INPUT', `Field "${field}" is not supported in groupBy`);
    }
    await refused('people', { group_by: [{ company: { 'name; --': true } }] }, 400, 'INVALID_QUERY_INPUT', 'Nested field "name; --" not found in target object "company"');
    await refused('people', { group_by: [{ company: { accountOwner: true } }] }, 400, 'INVALID_QUERY_INPUT',
      'Cannot group by a relation field of the relation field: "accountOwner" is a relation field of "company"');

    const aggUsage = 'Invalid aggregate query parameter - should be a valid array of string - ex: ["countNotEmptyId", "countEmptyField"]';
    for (const bad of ['[', '{}', '[1]', '"totalCount"']) {
      await refused('companies', { group_by: [{ name: true }], aggregate: bad }, 400, 'INVALID_AGGREGATE_FIELDS_QUERY_PARAM', aggUsage);
    }
    for (const bad of ['sumName', 'avgAddress', 'countTrueName', 'minName', 'sum"Employees"); DROP TABLE company; --', 'totalcount']) {
      await refused('companies', { group_by: [{ name: true }], aggregate: [bad] }, 400, 'INVALID_AGGREGATE_FIELDS_QUERY_PARAM', `Unknown aggregate field: ${bad}`);
    }

    const orderUsage = 'Invalid order_by query parameter - should be a valid array of objects - ex: [{"firstField": "AscNullsFirst"}, {"secondField": {"subField": "DescNullsLast"}}, {"aggregate": {"aggregateField": "DescNullsLast"}}, {dateField: {"orderBy": "AscNullsFirst", "granularity": "DAY"}}]';
    await refused('companies', { group_by: [{ name: true }], order_by: 'name[AscNullsFirst]' }, 400, 'INVALID_ORDER_BY_WITH_GROUP_BY_QUERY_PARAM', orderUsage);
    await refused('companies', { group_by: [{ name: true }], order_by: [{ employees: 'AscNullsFirst' }] }, 400, 'INVALID_ORDER_BY_WITH_GROUP_BY_QUERY_PARAM',
      'Cannot order by a field that is not an aggregate nor in groupBy criteria: employees.');
    await refused('companies', { group_by: [{ name: true }], order_by: [{ name: 'ASC; DROP TABLE company' }] }, 400, 'INVALID_ORDER_BY_WITH_GROUP_BY_QUERY_PARAM',
      'Unknown orderBy value: ASC; DROP TABLE company');
    await refused('companies', { group_by: [{ name: true }], order_by: [{ 'name"': 'AscNullsFirst' }] }, 400, 'INVALID_ORDER_BY_WITH_GROUP_BY_QUERY_PARAM',
      'Cannot orderBy unknown field: name".');
    await refused('companies', { group_by: [{ name: true }], order_by: [{ aggregate: { nope: 'AscNullsFirst' } }] }, 400, 'INVALID_ORDER_BY_WITH_GROUP_BY_QUERY_PARAM',
      'Unknown aggregate field: nope');
    await refused('companies', { group_by: [{ createdAt: { granularity: 'DAY', timeZone: 'UTC' } }], order_by: [{ createdAt: { orderBy: 'AscNullsFirst', granularity: 'MONTH' } }] },
      400, 'INVALID_ORDER_BY_WITH_GROUP_BY_QUERY_PARAM', 'Cannot order by a date granularity that is not in groupBy criteria: MONTH');
    await refused('companies', { group_by: [{ name: true }], view_id: 'not-a-uuid' }, 400, 'BAD_REQUEST', "'not-a-uuid' is not a valid UUID");
    assert.equal(sql(`SELECT count(*) FROM ${schema}.company`), before);
  });

  it('permissions: no token, unreadable objects and unreadable fields are refused', async () => {
    const anonymous = await groupBy('companies', { group_by: [{ name: true }] }, null);
    assert.equal(anonymous.status, 403);
    assert.deepEqual(anonymous.json, { statusCode: 403, error: 'ForbiddenException', messages: ['Forbidden resource'] });
    await refused('rockets', { group_by: [{ name: true }] }, 403, 'PERMISSION_DENIED', 'User does not have permission', 'tim');
    const field = 'User does not have permission: no permission to read field "linkedinLink" on "company"';
    await refused('companies', { group_by: [{ linkedinLink: { primaryLinkUrl: true } }] }, 403, 'PERMISSION_DENIED', field, 'tim');
    await refused('companies', { group_by: [{ name: true }], aggregate: ['countEmptyLinkedinLink'] }, 403, 'PERMISSION_DENIED', field, 'tim');
    await refused('companies', { group_by: [{ name: true }], order_by: [{ aggregate: { countNotEmptyLinkedinLink: 'AscNullsFirst' } }] },
      403, 'PERMISSION_DENIED', field, 'tim');
    await refused('people', { group_by: [{ company: { linkedinLink: { primaryLinkUrl: true } } }] }, 403, 'PERMISSION_DENIED', field, 'tim');
    const tim = await ok('companies', { group_by: [{ employees: true }], aggregate: ['totalCount'], include_records_sample: 'true', limit: '3' }, 'tim');
    assert.equal(tim.length, 3);
    for (const g of tim) {
      assert.ok(g.records.length > 0 && g.records.every((r) => !('linkedinLink' in r) && 'name' in r), 'unreadable field left out of samples');
    }
    assert.deepEqual(await ok('pets', { group_by: [{ name: true }], aggregate: ['totalCount'] }, 'tim'),
      await ok('pets', { group_by: [{ name: true }], aggregate: ['totalCount'] }, 'jane'), 'pet is read-only: readable');
  });
});
