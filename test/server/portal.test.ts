import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PublicSettings } from '../../src/contract/settings.js';
import * as z from 'zod/mini';
import { isProblem, testServer, type TestServer } from './helpers.js';

describe('GET /portal, openapi, static, errors', () => {
  let s: TestServer;
  before(async () => { s = await testServer(); });
  after(() => s.close());

  it('answers the public settings without secrets', async () => {
    const res = await s.call('GET', '/portal');
    assert.equal(res.status, 200);
    assert.equal(res.json.name, 'Nordlicht Help Center');
    assert.equal(res.json.enabled, true);
    assert.ok(z.safeParse(PublicSettings, res.json).success);
    assert.equal(res.json.access, undefined);
    assert.equal(res.json.visibility, undefined);
  });

  it('picks translations by ?locale=', async () => {
    assert.equal((await s.call('GET', '/portal?locale=sv')).json.name, 'Nordlicht Hjälpcenter');
    assert.deepEqual((await s.call('GET', '/portal?locale=da-DK')).json.ticketLabel, { singular: 'Sag', plural: 'Sager' });
    assert.equal((await s.call('GET', '/portal?locale=fi')).json.name, 'Nordlicht Help Center');
  });

  it('publishes an OpenAPI 3.1 document listing every route', async () => {
    const res = await s.call('GET', '/openapi.json');
    assert.equal(res.status, 200);
    assert.equal(res.json.openapi, '3.1.0');
    for (const path of ['/portal', '/auth/login', '/auth/logout', '/auth/session', '/tickets', '/admin/settings', '/admin/companies',
      '/admin/access-groups', '/admin/contacts', '/admin/agents', '/admin/tickets', '/admin/tickets/{id}', '/admin/tickets/{id}/messages',
      '/admin/outbox', '/admin/pipelines', '/auth/register', '/auth/session/extend', '/auth/password/forgot', '/auth/password/reset',
      '/auth/invite/accept', '/auth/magic-link', '/auth/magic-link/verify', '/auth/sso/jwt', '/auth/sso/token']) {
      assert.ok(res.json.paths[path], path);
    }
    assert.ok(res.json.paths['/auth/register'].post.responses['202'], 'taken address answer');
    assert.ok(res.json.paths['/auth/login'].post.responses['429'].headers['Retry-After']);
    assert.equal(res.json.components.schemas.Registration.properties.consent.const, true);
    assert.ok(res.json.components.schemas.Settings.properties.access);
    assert.equal(res.json.paths['/admin/settings'].put.requestBody.content['application/json'].schema.$ref, '#/components/schemas/Settings');
  });

  it('answers unknown API routes with a 404 problem', async () => {
    assert.ok(isProblem(await s.call('GET', '/nope'), 404));
    assert.ok(isProblem(await s.call('DELETE', '/portal'), 404));
  });

  it('serves static files safely with nosniff', async () => {
    for (const path of ['/..%2f..%2fpackage.json', '/%2e%2e/package.json', '/dist/..%2f..%2fpackage.json', '/dist/%2e%2e/server/app.ts']) {
      const res = await fetch(`${s.url}${path}`);
      assert.equal(res.status, 404, path);
      await res.text();
    }
    const res = await fetch(`${s.url}/`);
    await res.text();
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  });

  it('answers 503 on end-user routes when the portal is disabled, but still GET /portal', async () => {
    const settings = (await s.admin('GET', '/admin/settings')).json;
    assert.equal((await s.admin('PUT', '/admin/settings', { ...settings, enabled: false })).status, 200);
    try {
      const portal = await s.call('GET', '/portal');
      assert.equal(portal.status, 200);
      assert.equal(portal.json.enabled, false);
      for (const [method, path] of [['GET', '/auth/session'], ['GET', '/tickets'], ['POST', '/auth/logout']] as const) {
        const res = await s.call(method, path, method === 'POST' ? {} : {});
        assert.ok(isProblem(res, 503), `${method} ${path}`);
        assert.equal(res.json.title, 'This portal is not available');
      }
      const login = await s.call('POST', '/auth/login', { body: { email: 'anna@nordlicht.example', password: 'portal-demo-2026' } });
      assert.ok(isProblem(login, 503));
    } finally {
      await s.admin('PUT', '/admin/settings', settings);
    }
  });
});
