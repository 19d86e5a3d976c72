import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_SIGN_IN } from '../../src/domain/demo-world.js';
import { sql } from 'kysely';
import { connectDatabase } from '../../server/db/connect.js';
import { startServer, type StartOptions } from '../../server/start.js';
import { testDatabase, type TestDatabase } from '../support/test-database.js';
import { TEST_SCRYPT } from '../support/test-scrypt.js';

export interface CallOptions {
  body?: unknown;
  /** Raw body (sent as is). */
  raw?: string;
  cookie?: string;
  admin?: boolean;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  text: string;
}

/**
 * A real server on port 0 with its own temporary database (SQLite, or PostgreSQL under `with-postgres.ts`), plus a
 * small HTTP client. `keep`: the database of an earlier test server (closed with `keepDatabase`), opened again.
 */
export async function testServer(options: StartOptions & { keep?: TestDatabase & { dir: string } } = {}) {
  const dir = options.keep?.dir ?? mkdtempSync(join(tmpdir(), 'portal-test-'));
  const database = options.keep ?? await testDatabase(dir);
  const server = await startServer({ dbFile: database.location, filesDir: database.filesDir, log: false, scrypt: TEST_SCRYPT, ...options });
  const call = async (method: string, path: string, o: CallOptions = {}): Promise<Answer> => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.admin) headers.authorization = `Bearer ${server.adminToken}`;
    if (o.cookie) headers.cookie = o.cookie;
    if (method !== 'GET' && method !== 'HEAD' && !o.admin) headers['x-portal-request'] ??= '1';
    let body: string | undefined = o.raw;
    if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${server.url}/api/v1${path}`, { method, headers, body, redirect: 'manual' });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  };
  const login = async (email = DEMO_SIGN_IN.email, password = DEMO_SIGN_IN.password) => {
    const res = await call('POST', '/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
    const setCookie = res.headers.get('set-cookie') ?? '';
    return setCookie.split(';')[0];
  };
  /** Applies a change to the settings; resolves with a function that puts the previous settings back. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const patchSettings = async (change: (settings: any) => any) => {
    const before = (await call('GET', '/admin/settings', { admin: true })).json;
    const res = await call('PUT', '/admin/settings', { admin: true, body: change(structuredClone(before)) });
    if (res.status !== 200) throw new Error(`settings rejected: ${res.text}`);
    return async () => { await call('PUT', '/admin/settings', { admin: true, body: before }); };
  };
  const outbox = async (): Promise<{ to: string; subject: string; text: string; link?: string; createdAt: string; status: string; attempts: number; sentAt?: string }[]> =>
    (await call('GET', '/admin/outbox', { admin: true })).json;
  /** Reads (or writes) the test database directly, on either dialect: `?` placeholders, rows as objects. */
  const query = async <T = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<T[]> => {
    const db = connectDatabase(database.location);
    try {
      const parts = text.split('?');
      const strings = Object.assign([...parts], { raw: parts }) as unknown as TemplateStringsArray;
      return (await sql<T>(strings, ...params).execute(db)).rows;
    } finally {
      await db.destroy();
    }
  };
  return {
    url: server.url,
    query,
    database,
    patchSettings,
    outbox,
    adminToken: server.adminToken,
    dir,
    call,
    login,
    admin: (method: string, path: string, body?: unknown) => call(method, path, { admin: true, body }),
    /** Stops the server; its database stays for `testServer({ keep })`. */
    keepDatabase: async () => {
      await server.close();
      return { ...database, dir };
    },
    close: async () => {
      await server.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof testServer>>;

/** The `name=value` part of an answer's session cookie, or '' when it sets none. */
export const cookieOf = (res: Answer) => (res.headers.get('set-cookie') ?? '').split(';')[0];

/** The `token` query parameter of an emailed link (in the query or in the hash route). */
export const tokenOf = (link: string | undefined) => /[?&]token=([^&#]+)/.exec(link ?? '')?.[1] ?? '';

/** Median of a few numbers. */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Asserts the shape of an RFC 9457 problem answer. */
export function isProblem(res: Answer, status: number): boolean {
  return res.status === status && (res.headers.get('content-type') ?? '').startsWith('application/problem+json')
    && res.json?.status === status && typeof res.json?.title === 'string' && typeof res.json?.type === 'string';
}

/** `GET /auth/session` when nobody is signed in: 200 with `null`, no error status. */
export function isSignedOut(res: Answer): boolean {
  return res.status === 200 && res.json === null;
}
