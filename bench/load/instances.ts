/** Server processes for the load test: the real `server/main.ts` in production mode, stopped on exit whatever happens. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Instance { url: string; process: ChildProcess }

const running = new Set<ChildProcess>();
/** Kills every server still running (the bench's own exit path and signal handlers call it). */
export function killInstances() {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  running.clear();
}
process.once('exit', killInstances);

/** Starts `server/main.ts` with `env` on a free port and waits for its start line (a JSON line in production mode). */
export function startInstance(env: Record<string, string>): Promise<Instance> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '0', NODE_ENV: 'production', PORTAL_SEED: 'none', PORTAL_LOG: 'silent', PORTAL_SMTP_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        let entry: { msg?: string; url?: string } | undefined;
        try { entry = JSON.parse(line); } catch { entry = undefined; }
        if (entry?.url && entry.msg?.startsWith('Portal running')) {
          child.stdout?.off('data', onData);
          child.stdout?.resume();
          child.stderr?.resume();
          resolve({ url: entry.url.replace(/\/$/, ''), process: child });
          return;
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.once('exit', (code) => {
      running.delete(child);
      reject(new Error(`server exited (${code}) before listening:\n${output}`));
    });
  });
}

/** SIGTERM (graceful shutdown) and wait for the exit. */
export const stopInstance = (i: Instance) => new Promise<void>((resolve) => {
  running.delete(i.process);
  if (i.process.exitCode !== null || i.process.signalCode !== null) return resolve();
  i.process.once('exit', () => resolve());
  i.process.kill('SIGTERM');
});

/** Signs in through the API and answers the session cookie (`name=value`). */
export async function signIn(base: string, credentials: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-portal-request': '1' }, body: JSON.stringify(credentials),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}
