import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { exportJWK, exportSPKI, generateKeyPair, type CryptoKey } from 'jose';
import { cookieOf, isProblem, testServer, type TestServer } from './helpers.js';
import { SECRET, signJwt, ssoSettings, unsignedJwt } from './sso-helpers.js';

const ANNA = { email: 'anna@nordlicht.example' };

describe('auth: SSO by RS256 (public key PEM and JWKS)', () => {
  let s: TestServer;
  let jwks: Server;
  let jwksUrl = '';
  let jwksHits = 0;
  let key: { publicKey: CryptoKey; privateKey: CryptoKey };
  let otherKey: { publicKey: CryptoKey; privateKey: CryptoKey };
  let pem = '';
  const clock = Date.UTC(2026, 10, 23, 8, 0, 0);

  before(async () => {
    key = await generateKeyPair('RS256', { extractable: true });
    otherKey = await generateKeyPair('RS256', { extractable: true });
    pem = await exportSPKI(key.publicKey);
    const body = JSON.stringify({ keys: [{ ...(await exportJWK(key.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
    // A local JWKS endpoint: the tests never reach any outside address.
    jwks = createServer((_req, res) => {
      jwksHits++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    s = await testServer({ now: () => clock });
  });
  after(async () => {
    await s.close();
    await new Promise<void>((resolve) => jwks.close(() => resolve()));
  });

  const enter = (jwt: string) => s.call('GET', `/auth/sso/jwt?jwt=${encodeURIComponent(jwt)}`);
  const rs256 = (signer: CryptoKey, kid?: string) => signJwt(ANNA, { now: clock, key: signer, alg: 'RS256', kid });

  it('verifies RS256 by the configured public key (PEM)', async () => {
    const restore = await s.patchSettings(ssoSettings({ publicKeyPem: pem }));
    try {
      const res = await enter(await rs256(key.privateKey));
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `${s.url}/portal.html`);
      assert.equal((await s.call('GET', '/auth/session', { cookie: cookieOf(res) })).json.user.email, ANNA.email);
      assert.ok(isProblem(await enter(await rs256(otherKey.privateKey)), 401), 'signed by another key');
      // Algorithm confusion: an HS256 token "signed" with the public key text must not pass.
      assert.ok(isProblem(await enter(await signJwt(ANNA, { now: clock, key: new TextEncoder().encode(pem) })), 401), 'HS256 with the PEM');
      assert.ok(isProblem(await enter(await signJwt(ANNA, { now: clock, key: new TextEncoder().encode(SECRET) })), 401), 'HS256, no secret set');
      assert.ok(isProblem(await enter(unsignedJwt(ANNA, clock)), 401), 'alg none');
    } finally {
      await restore();
    }
  });

  it('verifies RS256 by a JWKS fetched from the configured URL, with the configured issuer and audience', async () => {
    const restore = await s.patchSettings(ssoSettings({ jwksUrl, issuer: 'https://idp.example', audience: 'portal' }));
    const rs256 = (signer: CryptoKey, kid?: string, claims: Record<string, unknown> = { iss: 'https://idp.example', aud: 'portal' }) =>
      signJwt({ ...ANNA, ...claims }, { now: clock, key: signer, alg: 'RS256', kid });
    try {
      assert.ok(isProblem(await enter(await rs256(key.privateKey, 'k1', { iss: 'https://idp.example' })), 401), 'no audience');
      assert.ok(isProblem(await enter(await rs256(key.privateKey, 'k1', { aud: 'portal' })), 401), 'no issuer');
      const res = await enter(await rs256(key.privateKey, 'k1'));
      assert.equal(res.status, 303);
      assert.equal((await s.call('GET', '/auth/session', { cookie: cookieOf(res) })).json.user.email, ANNA.email);
      assert.ok(jwksHits >= 1);
      assert.ok(isProblem(await enter(await rs256(otherKey.privateKey, 'k1')), 401), 'another key, same kid');
      assert.ok(isProblem(await enter(await rs256(otherKey.privateKey, 'unknown-kid')), 401), 'unknown kid');
      assert.ok(isProblem(await enter(await signJwt(ANNA, { now: clock, key: new TextEncoder().encode(SECRET) })), 401), 'HS256 against a JWKS');
    } finally {
      await restore();
    }
  });

  it('takes HS256 only with a secret and RS256 only with a key when both are configured', async () => {
    const restore = await s.patchSettings(ssoSettings({ secret: SECRET, publicKeyPem: pem }));
    try {
      assert.equal((await enter(await signJwt(ANNA, { now: clock }))).status, 303, 'HS256 by the secret');
      assert.equal((await enter(await rs256(key.privateKey))).status, 303, 'RS256 by the key');
      assert.ok(isProblem(await enter(await signJwt(ANNA, { now: clock, key: new TextEncoder().encode(pem) })), 401), 'HS256 with the PEM');
    } finally {
      await restore();
    }
  });
});
