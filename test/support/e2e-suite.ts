import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { startTestServer } from './server.js';

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * The reference server (demo data, temporary database) and Debian Chromium for one e2e suite: started before its
 * tests, closed after them. Call it inside `describe`; read `server` and `browser` inside the tests.
 */
export function serverAndBrowser(): { readonly server: TestServer; readonly browser: Browser } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the suite's ${what} is not started yet (use it inside a test)`);
    return value;
  };
  return {
    get server() { return started(server, 'server'); },
    get browser() { return started(browser, 'browser'); },
  };
}
