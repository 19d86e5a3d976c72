/**
 * One visit of a page per flow, in a fresh browser context: the cold visit with sign-in, list operations, bytes
 * (and, for the portal, a ticket and the support form opened), and the repeat visit (same context reloaded).
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { DEMO_SIGN_IN } from '../../src/domain/demo-world.js';
import { act, countNodes, installProbes, type Action, type Probes } from './probes.js';

export type Variant = 'portal' | 'vanilla';
export const OPS = ['sort', 'next', 'status', 'view', 'search'] as const satisfies readonly Action[];
export type Op = (typeof OPS)[number];

const PATHS: Record<Variant, string> = { portal: '/portal.html', vanilla: '/vanilla/' };
/** The element holding each variant's whole UI and its list. */
export const ROOTS: Record<Variant, { app: string; list: string }> = {
  portal: { app: 'customer-portal', list: 'customer-portal' },
  vanilla: { app: '#app', list: '#app' },
};

/** JavaScript bytes as transferred (encodedDataLength of finished requests, headers included), from CDP. */
class ScriptBytes {
  readonly #started = new Map<string, number>();
  readonly #finished = new Map<string, number>();
  /** Header bytes of each response (responseReceived's encodedDataLength), to give the bodies alone. */
  readonly #headers = new Map<string, number>();
  #scripts = new Set<string>();
  static async attach(context: BrowserContext, page: Page) {
    const meter = new ScriptBytes();
    const cdp: CDPSession = await context.newCDPSession(page);
    cdp.on('Network.requestWillBeSent', (e) => {
      if (e.type === 'Script' || /\.m?js(\?|$)/.test(e.request.url)) meter.#scripts.add(e.requestId);
      meter.#started.set(e.requestId, Date.now());
    });
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script') meter.#scripts.add(e.requestId);
      meter.#headers.set(e.requestId, e.response.encodedDataLength);
    });
    cdp.on('Network.loadingFinished', (e) => meter.#finished.set(e.requestId, e.encodedDataLength));
    cdp.on('Network.loadingFailed', (e) => meter.#finished.set(e.requestId, 0));
    await cdp.send('Network.enable');
    return meter;
  }
  /** Bytes of every script requested so far, once each of them has finished. */
  async settle(deadline = Date.now() + 30_000): Promise<{ bytes: number; body: number; files: number }> {
    const ids = [...this.#scripts];
    while (ids.some((id) => !this.#finished.has(id))) {
      if (Date.now() > deadline) throw new Error('scripts still loading after 30 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    const bytes = ids.reduce((sum, id) => sum + (this.#finished.get(id) ?? 0), 0);
    const body = ids.reduce((sum, id) => sum + Math.max(0, (this.#finished.get(id) ?? 0) - (this.#headers.get(id) ?? 0)), 0);
    return { bytes, body, files: ids.length };
  }
}

async function open(browser: Browser, base: string, variant: Variant, hash = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // tsx keeps function names with a helper the page does not have.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.addInitScript(installProbes);
  const meter = await ScriptBytes.attach(context, page);
  const url = `${base}${PATHS[variant]}${hash}`;
  return { context, page, meter, url };
}

const probes = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Probes }).__bench);
const formShown = async (page: Page) => {
  await page.waitForFunction(() => (window as unknown as { __bench: Probes }).__bench.formAt !== null, undefined, { timeout: 30_000 });
  return (await probes(page)).formAt as number;
};

export interface Bytes { bytes: number; body: number; files: number }

export interface ListVisit {
  form: number;
  firstRows: number;
  ops: Record<Op, number>;
  nodesApp: number;
  nodesList: number;
  longTasks: number;
  longestTask: number;
  cls: number;
  shiftAll: number;
  /** JavaScript as transferred (headers included) and its compressed bodies alone, with the number of files. */
  bytesForm: Bytes;
  bytesFirstRows: Bytes;
  bytesWhole: Bytes;
}

/** Cold visit, sign-in and the list operations at `pageSize` rows; with `whole`, then a ticket and the support form. */
export async function listVisit(browser: Browser, base: string, variant: Variant, pageSize: number, whole: boolean): Promise<ListVisit> {
  const { context, page, meter, url } = await open(browser, base, variant, pageSize === 25 ? '' : `#/tickets?pageSize=${pageSize}`);
  try {
    await page.goto(url);
    const form = await formShown(page);
    const bytesForm = await meter.settle();
    await page.locator('input[type="email"]').fill(DEMO_SIGN_IN.email);
    await page.locator('input[type="password"]').fill(DEMO_SIGN_IN.password);
    const firstRows = await page.evaluate(act, 'sign-in' as Action);
    const bytesFirstRows = await meter.settle();
    const rows = await page.locator('tr[data-id]').count();
    if (rows !== pageSize) throw new Error(`${variant}: ${rows} rows after sign-in, expected ${pageSize}`);
    const loaded = await probes(page);
    const nodesApp = await page.evaluate(countNodes, ROOTS[variant].app);
    const nodesList = await page.evaluate(countNodes, variant === 'portal' ? 'ticket-list' : '#list');
    const ops = {} as Record<Op, number>;
    for (const op of OPS) ops[op] = await page.evaluate(act, op);
    let all = await meter.settle();
    if (whole && variant === 'portal') {
      const id = await page.locator('tr[data-id]').first().getAttribute('data-id');
      await page.evaluate((ticket) => { location.hash = `#/tickets/${ticket}`; }, id);
      await page.locator('ticket-detail').getByRole('heading').first().waitFor({ timeout: 30_000 });
      await page.evaluate(() => { location.hash = '#/new'; });
      await page.locator('support-form').locator('textarea, input').first().waitFor({ timeout: 30_000 });
      all = await meter.settle();
    }
    return {
      form, firstRows, ops, nodesApp, nodesList,
      longTasks: loaded.longTasks.length, longestTask: Math.max(0, ...loaded.longTasks), cls: loaded.cls, shiftAll: loaded.shiftAll,
      bytesForm, bytesFirstRows, bytesWhole: all,
    };
  } finally {
    await context.close();
  }
}

/** A first visit, then the same context reloaded: ms to the sign-in form on the reload. */
export async function repeatVisit(browser: Browser, base: string, variant: Variant): Promise<{ form: number; bytes: number }> {
  const { context, page, meter, url } = await open(browser, base, variant);
  try {
    await page.goto(url);
    await formShown(page);
    const first = (await meter.settle()).bytes;
    await page.reload();
    const form = await formShown(page);
    return { form, bytes: (await meter.settle()).bytes - first };
  } finally {
    await context.close();
  }
}
