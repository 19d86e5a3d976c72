/** One load-test cell: autocannon against one or more server addresses (connections spread evenly), p95 computed here. */
import autocannon from 'autocannon';

export interface CellResult {
  requests: number;
  /** Requests answered per second over the measured time. */
  rps: number;
  p50: number;
  p95: number;
  /** Answers other than 2xx, plus connection errors and timeouts. */
  failures: number;
  /** What the failures were: `status 500: 3`, `timeouts: 1`, … */
  failureKinds?: string;
}

export function summarize(times: number[], seconds: number, failures: number): CellResult {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { requests: times.length, rps: times.length / seconds, p50: at(0.5), p95: at(0.95), failures };
}

function fire(urls: string[], cookie: string, connections: number, seconds: number, record?: number[]) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    // More than one URL: autocannon gives each connection one of them in turn (its README: "more than one url is allowed").
    const instance = autocannon({ url: (urls.length === 1 ? urls[0] : urls) as string, connections, duration: seconds, headers: { cookie } }, (error, result) => (error ? reject(error) : resolve(result)));
    if (record) instance.on('response', (_client, status, _bytes, time) => { if (status === 200) record.push(time); });
  });
}

/** `warmup` seconds unmeasured, then `seconds` measured at `connections` connections over `urls`. */
export async function loadCell(urls: string[], cookie: string, connections: number, seconds: number, warmup: number): Promise<CellResult> {
  if (warmup > 0) await fire(urls, cookie, connections, warmup);
  const times: number[] = [];
  const result = await fire(urls, cookie, connections, seconds, times);
  const kinds = [
    ...Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2')).map(([code, { count }]) => `status ${code}: ${count}`),
    ...(result.timeouts ? [`timeouts: ${result.timeouts}`] : []),
    ...(result.errors - result.timeouts > 0 ? [`connection errors: ${result.errors - result.timeouts}`] : []),
  ];
  return { ...summarize(times, result.duration, result.non2xx + result.errors), ...(kinds.length ? { failureKinds: kinds.join(', ') } : {}) };
}
