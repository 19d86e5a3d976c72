import { spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';

/**
 * `npm run test:stress`: the full suite (`npm test`) three times in a row while another process keeps one core
 * busy, as on a loaded CI machine. Reports pass or fail and the duration of every run; exits non-zero if any
 * run failed.
 *
 *   npm run test:stress                              # npm test, 3 runs, 1 busy core
 *   STRESS_RUNS=5 STRESS_BUSY_CORES=2 npm run test:stress
 *   npm run test:stress -- npm run test:browser      # another command instead of `npm test`
 */

const runs = Number(process.env.STRESS_RUNS ?? 3);
const busyCores = Number(process.env.STRESS_BUSY_CORES ?? 1);
const [command, ...args] = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['npm', 'test'];

/** A process that spins on one core until it is killed. */
function busyLoop(): ChildProcess {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}

let current: ChildProcess | undefined;

function run(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    current = child;
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    child.once('error', () => resolve(127));
  });
}

const busy = Array.from({ length: busyCores }, busyLoop);
const stopBusy = () => { for (const child of busy) if (child.exitCode === null) child.kill('SIGKILL'); };
process.once('exit', stopBusy);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopBusy();
    if (current?.exitCode === null) current.kill(signal);
    process.exit(130);
  });
}

console.log(`test:stress: ${runs} × \`${[command, ...args].join(' ')}\` with ${busyCores} of ${cpus().length} cores kept busy (pids ${busy.map((b) => b.pid).join(', ')})`);
const results: { run: number; code: number; seconds: number; busyAlive: boolean }[] = [];
for (let n = 1; n <= runs; n++) {
  const started = Date.now();
  const code = await run();
  const busyAlive = busy.every((child) => child.exitCode === null && child.signalCode === null);
  results.push({ run: n, code, seconds: Math.round((Date.now() - started) / 100) / 10, busyAlive });
  console.log(`test:stress: run ${n} of ${runs}: ${code === 0 ? 'PASS' : `FAIL (exit ${code})`} in ${results.at(-1)!.seconds} s${busyAlive ? '' : ' (the busy process had died: not a loaded run)'}`);
}
stopBusy();

console.log('\ntest:stress summary');
for (const r of results) console.log(`  run ${r.run}: ${r.code === 0 ? 'PASS' : 'FAIL'}  ${r.seconds} s${r.busyAlive ? '' : '  (not loaded)'}`);
const failed = results.filter((r) => r.code !== 0 || !r.busyAlive).length;
console.log(failed === 0 ? `all ${runs} runs passed under load` : `${failed} of ${runs} runs failed (or ran without load)`);
process.exitCode = failed === 0 ? 0 : 1;
