import type { ThrottleStore } from '../auth/throttle.js';
import type { Db } from '../db/connect.js';

/** Events older than this are never looked at again (the longest throttle window). */
const KEEP_MS = 60 * 60_000;
const SWEEP_EVERY = 500;

/**
 * Throttle events in the database, so every instance of one database counts the same failures and requests
 * (`throttle_hits`: key + time, indexed by both).
 */
export class DbThrottleStore implements ThrottleStore {
  readonly #db: Db;
  #added = 0;

  constructor(db: Db) {
    this.#db = db;
  }

  async times(key: string, since: number): Promise<number[]> {
    const rows = await this.#db.selectFrom('throttle_hits').select('at').where('key', '=', key).where('at', '>', since).orderBy('at').execute();
    return rows.map((r) => Number(r.at));
  }

  async add(key: string, at: number): Promise<void> {
    await this.#db.insertInto('throttle_hits').values({ key, at }).execute();
    if (++this.#added % SWEEP_EVERY === 0) await this.#db.deleteFrom('throttle_hits').where('at', '<', at - KEEP_MS).execute();
  }

  async clear(key: string): Promise<void> {
    await this.#db.deleteFrom('throttle_hits').where('key', '=', key).execute();
  }
}
