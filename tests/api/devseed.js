'use strict';
// Twenty's demo identities as `twentyc seed dev` writes them (spec/twenty-dev-seed.md), and
// Twenty's token recipe for them, shared by the tests that run against the seed.

const crypto = require('node:crypto');

const APP_SECRET = 'replace_me_with_a_random_string';
const APPLE = '20202020-1c25-4d02-bf25-6aeccf7ea419';
const APPLE_SCHEMA = 'workspace_1wgvd1injqtife6y4rvfbu3h5';
const API_KEY_ID = '20202020-f401-4d8a-a731-64d007c27bad';
// Apple's members: Tim ("Object-restricted"), Jony (Member), Phil (Guest), Jane (Admin).
const USERS = {
  tim: { id: '20202020-9e3b-46d4-a556-88b9ddc2b034', uw: '20202020-9e3b-46d4-a556-88b9ddc2b035', member: '20202020-0687-4c41-b707-ed1bfca972a7' },
  jony: { id: '20202020-3957-4908-9c36-2929a23f8357', uw: '20202020-3957-4908-9c36-2929a23f8353', member: '20202020-77d5-4cb6-b60a-f4a835a85d61' },
  phil: { id: '20202020-7169-42cf-bc47-1cfef15264b8', uw: '20202020-7169-42cf-bc47-1cfef15264b1', member: '20202020-1553-45c6-a028-5a9064cce07f' },
  jane: { id: '20202020-e6b5-4680-8a32-b8209737156b', uw: '20202020-1e7c-43d9-a5db-685b5069d816', member: '20202020-463f-435b-828c-107e007a2711' },
};

const b64url = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

// An HS256 JWT for Apple, keyed as Twenty keys it: sha256(APP_SECRET + workspaceId + type).
function sign(payload, type) {
  const key = crypto.createHash('sha256').update(APP_SECRET + APPLE + type).digest('hex');
  const input = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}`;
  return `${input}.${crypto.createHmac('sha256', key).update(input).digest('base64url')}`;
}

// A user's ACCESS token for one hour.
function accessToken(u) {
  return sign({ sub: u.id, userId: u.id, workspaceId: APPLE, workspaceMemberId: u.member, userWorkspaceId: u.uw,
    type: 'ACCESS', authProvider: 'password', iat: now(), exp: now() + 3600 }, 'ACCESS');
}

// The seed's API key ("My api key", Admin), as a token for one hour.
function apiKeyToken() {
  return sign({ sub: APPLE, workspaceId: APPLE, type: 'API_KEY', jti: API_KEY_ID, iat: now(), exp: now() + 3600 }, 'ACCESS');
}

module.exports = { APP_SECRET, APPLE, APPLE_SCHEMA, API_KEY_ID, USERS, sign, accessToken, apiKeyToken };
