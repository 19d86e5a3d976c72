import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testServer, type TestServer } from './helpers.js';

describe('served HTML pages carry security headers', () => {
  let s: TestServer;
  before(async () => { s = await testServer({ trustProxy: true }); });
  after(() => s.close());

  it('sends a CSP without inline script, no framing, a referrer policy; HSTS only over https', async () => {
    for (const path of ['/', '/portal.html']) {
      const res = await fetch(`${s.url}${path}`);
      assert.equal(res.status, 200);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /script-src[^;]*'unsafe-(inline|eval)'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.equal(res.headers.get('referrer-policy'), 'same-origin');
      assert.equal(res.headers.get('strict-transport-security'), null);
      await res.arrayBuffer();
    }
    const https = await fetch(`${s.url}/portal.html`, { headers: { 'x-forwarded-proto': 'https' } });
    assert.match(https.headers.get('strict-transport-security') ?? '', /max-age=\d{7,}/);
    await https.arrayBuffer();
    const script = await fetch(`${s.url}/portal-link.js`);
    assert.equal(script.headers.get('content-security-policy'), null, 'only HTML pages');
    await script.arrayBuffer();
  });
});
