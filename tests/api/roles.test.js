'use strict';
// Standard roles (spec/twenty-datamodel.md §6): every workspace gets Admin, Member and Guest with
// Twenty's flags and becomes ACTIVE with Member as its default role; API keys carry a role
// (Admin unless told otherwise); an unknown role is refused and creates no key.

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('./harness');

describe('standard roles', () => {
  let cluster;
  let workspace;
  const env = () => ({ PG_DATABASE_URL: cluster.url, APP_SECRET: 'test-secret' });
  const sql = (q) => cluster.psql(q).trim();

  before(async () => {
    cluster = await h.startCluster();
    const ws = await h.runCli(['workspace', 'create', '--name', 'Roles'], { env: env() });
    assert.equal(ws.code, 0, ws.stderr);
    workspace = ws.stdout.trim();
  });

  after(async () => {
    if (cluster) await cluster.destroy();
  });

  it('a new workspace has Admin, Member and Guest with Twenty\'s flags, Member as default', () => {
    const roles = JSON.parse(sql(`SELECT json_agg(json_build_object('label', label, 'standardId', "standardId",
        'settings', "canUpdateAllSettings", 'tools', "canAccessAllTools", 'read', "canReadAllObjectRecords",
        'update', "canUpdateAllObjectRecords", 'softDelete', "canSoftDeleteAllObjectRecords",
        'destroy', "canDestroyAllObjectRecords", 'editable', "isEditable", 'users', "canBeAssignedToUsers",
        'agents', "canBeAssignedToAgents", 'apiKeys', "canBeAssignedToApiKeys") ORDER BY label)
      FROM core.role WHERE "workspaceId" = '${workspace}'`));
    assert.deepEqual(roles, [
      { label: 'Admin', standardId: '20202020-0001-0001-0001-000000000001', settings: true, tools: true, read: true, update: true, softDelete: true, destroy: true, editable: false, users: true, agents: false, apiKeys: true },
      { label: 'Guest', standardId: '20202020-0001-0001-0001-000000000003', settings: false, tools: false, read: true, update: false, softDelete: false, destroy: false, editable: false, users: true, agents: true, apiKeys: true },
      { label: 'Member', standardId: '20202020-0001-0001-0001-000000000002', settings: false, tools: false, read: true, update: true, softDelete: true, destroy: true, editable: true, users: true, agents: true, apiKeys: true },
    ]);
    const ws = sql(`SELECT w."activationStatus" || ':' || r.label FROM core.workspace w
      JOIN core.role r ON r.id = w."defaultRoleId" WHERE w.id = '${workspace}'`);
    assert.equal(ws, 'ACTIVE:Member');
  });

  it('the CHECK of Twenty holds: an active workspace needs a default role', () => {
    assert.throws(() => sql(`UPDATE core.workspace SET "defaultRoleId" = NULL WHERE id = '${workspace}'`),
      /onboarded_workspace_requires_default_role/);
  });

  it('API keys carry a role: Admin by default, another on request, an unknown one refused', async () => {
    const admin = await h.runCli(['apikey', 'create', '--workspace', workspace, '--name', 'a'], { env: env() });
    assert.equal(admin.code, 0, admin.stderr);
    const guest = await h.runCli(['apikey', 'create', '--workspace', workspace, '--name', 'g', '--role', 'Guest'], { env: env() });
    assert.equal(guest.code, 0, guest.stderr);
    const keys = sql(`SELECT count(*) FROM core."apiKey" WHERE "workspaceId" = '${workspace}'`);
    const bad = await h.runCli(['apikey', 'create', '--workspace', workspace, '--name', 'x', '--role', 'Nope'], { env: env() });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /Role Nope not found/);
    assert.equal(sql(`SELECT count(*) FROM core."apiKey" WHERE "workspaceId" = '${workspace}'`), keys);
    const [adminId] = admin.stdout.trim().split('\n');
    const [guestId] = guest.stdout.trim().split('\n');
    const byKey = sql(`SELECT string_agg(t."apiKeyId" || '=' || r.label, ',' ORDER BY r.label)
      FROM core."roleTarget" t JOIN core.role r ON r.id = t."roleId" WHERE t."workspaceId" = '${workspace}'`);
    assert.equal(byKey, `${adminId}=Admin,${guestId}=Guest`);
    // apikey list: id, name, role, expiry, revocation; newest first.
    const revoke = await h.runCli(['apikey', 'revoke', guestId], { env: env() });
    assert.equal(revoke.code, 0, revoke.stderr);
    const list = await h.runCli(['apikey', 'list', '--workspace', workspace], { env: env() });
    assert.equal(list.code, 0, list.stderr);
    const rows = list.stdout.trim().split('\n').map((l) => l.split('\t'));
    assert.deepEqual(rows.map((r) => r.slice(0, 3)), [[guestId, 'g', 'Guest'], [adminId, 'a', 'Admin']]);
    assert.match(rows[0][3], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.match(rows[0][4], /^\d{4}-.*Z$/, 'revoked');
    assert.equal(rows[1][4], '-', 'not revoked');
    const none = await h.runCli(['apikey', 'list', '--workspace', '00000000-0000-4000-8000-000000000000'], { env: env() });
    assert.equal(none.code, 1);
    assert.match(none.stderr, /Workspace .* not found/);
  });

  it('the metadata API needs DATA_MODEL: Admin passes, Member and Guest get 403', async () => {
    const srv = await h.startServer({ env: env() });
    try {
      const tokens = {};
      for (const role of ['Admin', 'Member', 'Guest']) {
        const key = await h.runCli(['apikey', 'create', '--workspace', workspace, '--name', role, '--role', role], { env: env() });
        assert.equal(key.code, 0, key.stderr);
        tokens[role] = key.stdout.trim().split('\n')[1];
      }
      const get = (role) => h.request(srv.base, '/rest/metadata/objects?limit=1', { headers: { Authorization: `Bearer ${tokens[role]}` } });
      assert.equal((await get('Admin')).status, 200);
      const denied = { statusCode: 403, error: 'ForbiddenException', messages: ['User does not have permission'], code: 'PERMISSION_DENIED' };
      for (const role of ['Member', 'Guest']) {
        const res = await get(role);
        assert.equal(res.status, 403, `${role}: ${res.text}`);
        assert.deepEqual(res.json, denied);
        const create = await h.request(srv.base, '/rest/metadata/objects', {
          method: 'POST',
          headers: { Authorization: `Bearer ${tokens[role]}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ nameSingular: 'rocket', namePlural: 'rockets', labelSingular: 'Rocket', labelPlural: 'Rockets' }),
        });
        assert.equal(create.status, 403, `${role}: ${create.text}`);
        assert.deepEqual(create.json, denied);
      }
      assert.equal(sql(`SELECT count(*) FROM core."objectMetadata" WHERE "workspaceId" = '${workspace}' AND "nameSingular" = 'rocket'`), '0');
      // A DATA_MODEL permission flag grants it to a role without the settings flag.
      sql(`INSERT INTO core."permissionFlag" ("roleId", flag, "workspaceId")
        SELECT id, 'DATA_MODEL', "workspaceId" FROM core.role WHERE "workspaceId" = '${workspace}' AND label = 'Member'`);
      // Principals are cached; the flag reaches the cache by NOTIFY, within a second.
      assert.ok(await h.waitFor(async () => (await get('Member')).status === 200, 1000, 20), 'Member gains DATA_MODEL');
    } finally {
      await srv.stop();
    }
  });
});

describe('custom roles and assignment', () => {
  let cluster;
  let workspace;
  let srv;
  const env = () => ({ PG_DATABASE_URL: cluster.url, APP_SECRET: 'test-secret' });
  const sql = (q) => cluster.psql(q).trim();
  const cli = (args) => h.runCli(args, { env: env() });
  const get = (token) => h.request(srv.base, '/rest/metadata/objects?limit=1', { headers: { Authorization: `Bearer ${token}` } });
  const perms = async (token) => (await h.request(srv.base, '/auth/permissions', { headers: { Authorization: `Bearer ${token}` } })).json;

  before(async () => {
    cluster = await h.startCluster();
    const ws = await cli(['workspace', 'create', '--name', 'Custom']);
    assert.equal(ws.code, 0, ws.stderr);
    workspace = ws.stdout.trim();
    srv = await h.startServer({ env: env() });
  });

  after(async () => {
    if (srv) await srv.stop();
    if (cluster) await cluster.destroy();
  });

  it('role create copies another role\'s permissions into an editable custom role; labels are unique', async () => {
    const made = await cli(['role', 'create', '--workspace', workspace, '--label', 'Readers', '--like', 'Guest']);
    assert.equal(made.code, 0, made.stderr);
    const row = sql(`SELECT label || ':' || "isEditable" || ':' || ("standardId" IS NULL) || ':' || "canReadAllObjectRecords" || ':' || "canUpdateAllObjectRecords"
      FROM core.role WHERE id = '${made.stdout.trim()}'`);
    assert.equal(row, 'Readers:true:true:true:false');
    const again = await cli(['role', 'create', '--workspace', workspace, '--label', 'Readers']);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists/);
    const unknown = await cli(['role', 'create', '--workspace', workspace, '--label', 'X', '--like', 'Nope']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /Role Nope not found/);
    assert.equal(sql(`SELECT count(*) FROM core.role WHERE "workspaceId" = '${workspace}'`), '4');
  });

  it('role assign moves an API key to another role; every request sees it within a second', async () => {
    const key = await cli(['apikey', 'create', '--workspace', workspace, '--name', 'k', '--role', 'Readers']);
    assert.equal(key.code, 0, key.stderr);
    const [id, token] = key.stdout.trim().split('\n');
    assert.equal((await get(token)).status, 403);
    assert.deepEqual((await perms(token)).objectsPermissions[0].canUpdateObjectRecords, false);
    const moved = await cli(['role', 'assign', '--workspace', workspace, '--role', 'Admin', '--apikey', id]);
    assert.equal(moved.code, 0, moved.stderr);
    assert.equal(sql(`SELECT count(*) FROM core."roleTarget" WHERE "apiKeyId" = '${id}'`), '1', 'one role per key');
    const t0 = Date.now();
    assert.ok(await h.waitFor(async () => (await get(token)).status === 200, 5000, 20));
    assert.ok(Date.now() - t0 < 1000);
    assert.equal((await perms(token)).objectsPermissions[0].canUpdateObjectRecords, true);
  });

  it('role assign gives a member another role; refusals change nothing', async () => {
    const u = await cli(['user', 'create', '--email', 'm@example.com', '--password', 'member-pass', '--workspace', workspace]);
    assert.equal(u.code, 0, u.stderr);
    const roleOf = () => sql(`SELECT r.label FROM core."roleTarget" t JOIN core.role r ON r.id = t."roleId"
      JOIN core."userWorkspace" uw ON uw.id = t."userWorkspaceId" WHERE uw."userId" = '${u.stdout.trim()}'`);
    assert.equal(roleOf(), 'Member');
    const ok = await cli(['role', 'assign', '--workspace', workspace, '--role', 'Readers', '--user', 'M@example.com']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(roleOf(), 'Readers');
    sql(`UPDATE core.role SET "canBeAssignedToUsers" = false WHERE "workspaceId" = '${workspace}' AND label = 'Guest'`);
    for (const [args, message] of [
      [['--role', 'Guest', '--user', 'm@example.com'], /cannot be assigned to users/],
      [['--role', 'Nope', '--user', 'm@example.com'], /Role Nope not found/],
      [['--role', 'Admin', '--user', 'nobody@example.com'], /Member nobody@example.com not found/],
      [['--role', 'Admin', '--apikey', '00000000-0000-4000-8000-000000000000'], /API key .* not found/],
    ]) {
      const res = await cli(['role', 'assign', '--workspace', workspace, ...args]);
      assert.equal(res.code, 1, args.join(' '));
      assert.match(res.stderr, message);
    }
    assert.equal(roleOf(), 'Readers');
    const usage = await cli(['role', 'assign', '--workspace', workspace, '--role', 'Admin']);
    assert.equal(usage.code, 2);
  });
});
