import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { OWASP_SCRYPT } from './auth/passwords.js';
import { Limiter } from './auth/throttle.js';
import { DbThrottleStore } from './store/throttle-hits.js';
import { SettingsStore } from './store/settings.js';
import type { AppEnv, Deps } from './http/context.js';
import { compressAnswers } from './http/compression.js';
import { cors } from './http/cors.js';
import { requestLog } from './http/middleware.js';
import { Problem } from './http/problem.js';
import { StreamHub } from './http/stream-hub.js';
import { apiRoutes } from './routes/api.js';
import { healthRoutes } from './routes/health.js';
import { staticRoutes } from './routes/static-files.js';

type Defaulted = 'corsOrigins' | 'trustProxy' | 'limiter' | 'streams' | 'throttleStore' | 'scrypt' | 'settingsStore';

export interface AppOptions extends Omit<Deps, Defaulted>, Partial<Pick<Deps, Defaulted>> {
  /** Project root holding `demo/` and `dist/` (default: the folder above `server/`). */
  root?: string;
}

const DEFAULT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The whole HTTP app: `/api/v1` (portal + admin), `/dist/` (the built library) and `/` (the demo site). */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const { root = DEFAULT_ROOT, corsOrigins = [], trustProxy = false, limiter = new Limiter(options.now), streams = new StreamHub(options.db, options.now),
    throttleStore = new DbThrottleStore(options.db), scrypt = OWASP_SCRYPT, settingsStore = new SettingsStore(options.db), ...rest } = options;
  const deps: Deps = { ...rest, corsOrigins, trustProxy, limiter, streams, throttleStore, scrypt, settingsStore };
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', requestLog);
  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    if (!c.res.headers.has('referrer-policy')) c.header('referrer-policy', 'same-origin');
  });
  app.use('*', compressAnswers);

  app.route('/', healthRoutes);
  app.use('/api/v1/*', cors);
  app.route('/api/v1', apiRoutes());
  app.route('/', staticRoutes(root));

  app.notFound(() => Problem.notFound('Nothing here.').toResponse());
  app.onError((err, c) => {
    if (err instanceof Problem) return err.toResponse();
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return new Problem({ status, slug: 'bad-request', title: 'Bad request', detail: 'The request could not be processed.' }).toResponse();
    }
    if (c.get('deps')?.log !== false) console.error(JSON.stringify({ level: 'error', at: new Date().toISOString(), requestId: c.get('requestId'), path: c.req.path, message: String(err) }));
    return Problem.internal().toResponse();
  });
  return app;
}
