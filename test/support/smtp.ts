import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server in the test process (the `smtp-server` package) that keeps every delivered message, parsed.
 * `stop()` closes it; `start()` opens it again on the same port (an SMTP outage and its end).
 */
export async function smtpReceiver(port = 0) {
  const received: ParsedMail[] = [];
  let server: SMTPServer | undefined;
  const start = (on: number) => new Promise<number>((resolve, reject) => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => { received.push(mail); callback(); }, (error: Error) => callback(error));
      },
    });
    server.once('error', reject);
    server.listen(on, '127.0.0.1', () => resolve((server?.server.address() as AddressInfo).port));
  });
  const bound = await start(port);
  return {
    port: bound,
    url: `smtp://127.0.0.1:${bound}`,
    received,
    /** Messages to one address. */
    to: (address: string) => received.filter((m) => [m.to].flat().some((t) => t?.value.some((v) => v.address === address))),
    start: () => start(bound),
    stop: () => new Promise<void>((resolve) => { if (server) server.close(() => resolve()); else resolve(); }),
  };
}

/** Polls until `check` answers something truthy (or throws after `ms`). */
export async function eventually<T>(check: () => T | Promise<T>, ms = 10_000, what = 'condition'): Promise<Exclude<T, false | null | undefined | '' | 0>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as Exclude<T, false | null | undefined | '' | 0>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
