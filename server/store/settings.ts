import { Settings } from '../../src/contract/settings.js';
import type { Db } from '../db/connect.js';

/** The stored settings (validated when written). */
export async function readSettings(db: Db): Promise<Settings> {
  const row = await db.selectFrom('settings').select(['data']).where('id', '=', 1).executeTakeFirstOrThrow();
  return JSON.parse(row.data) as Settings;
}

/**
 * The settings as requests read them. `onRead` is told of every read (tests check that a request reads them once).
 */
export class SettingsStore {
  constructor(private readonly db: Db, private readonly onRead?: () => void) {}

  read(): Promise<Settings> {
    this.onRead?.();
    return readSettings(this.db);
  }
}

export async function hasSettings(db: Db): Promise<boolean> {
  return (await db.selectFrom('settings').select(['id']).where('id', '=', 1).executeTakeFirst()) !== undefined;
}

/** Replaces the settings and bumps the version. */
export async function writeSettings(db: Db, settings: Settings, now: number): Promise<void> {
  const data = JSON.stringify(settings);
  const updated_at = new Date(now).toISOString();
  const existing = await db.selectFrom('settings').select(['version']).where('id', '=', 1).executeTakeFirst();
  if (existing) {
    await db.updateTable('settings').set({ data, version: existing.version + 1, updated_at }).where('id', '=', 1).execute();
  } else {
    await db.insertInto('settings').values({ id: 1, data, version: 1, updated_at }).execute();
  }
}
