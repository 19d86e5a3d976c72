import { DEMO_PIPELINES, demoWorld } from '../src/domain/demo-world.js';
import { defaultSettings } from '../src/domain/default-settings.js';
import { hashPassword, OWASP_SCRYPT, type ScryptParams } from './auth/passwords.js';
import { afterExplicitIds, type Db } from './db/connect.js';
import { insertAgent } from './store/agents.js';
import { insertContact } from './store/contacts.js';
import { storeFile } from './store/files.js';
import { insertPipelines } from './store/pipelines.js';
import { hasSettings, writeSettings } from './store/settings.js';
import { insertTicket } from './store/tickets.js';

export type SeedMode = 'demo' | 'none';

/**
 * Fills an empty database once: `demo` = the demo world, `none` = default settings and the demo pipelines
 * (pipelines are configuration, and tickets cannot be created without one). Skips a database that already
 * holds settings. Resolves with whether it seeded.
 */
export async function seed(db: Db, mode: SeedMode, filesDir: string, now: number, scrypt: ScryptParams = OWASP_SCRYPT): Promise<boolean> {
  if (await hasSettings(db)) return false;
  if (mode === 'none') {
    await db.transaction().execute(async (trx) => {
      await insertPipelines(trx, DEMO_PIPELINES);
      await writeSettings(trx, defaultSettings(), now);
    });
    return true;
  }
  const world = demoWorld();
  // One hash per distinct demo password (they share one): seeding stays quick at a high scrypt cost.
  const byPassword = new Map<string, Promise<string>>();
  const hashOf = (password: string) => byPassword.get(password) ?? byPassword.set(password, hashPassword(password, scrypt)).get(password)!;
  const hashes = await Promise.all(world.contacts.map((c) => (c.password === null ? null : hashOf(c.password))));
  const files = new Map<number, { key: string; size: number }>();
  for (const m of world.messages) {
    for (const a of m.attachments) files.set(a.id, await storeFile(filesDir, a.content));
  }
  const createdAt = new Date(now).toISOString();
  await db.transaction().execute(async (trx) => {
    await insertPipelines(trx, world.pipelines);
    for (const c of world.companies) await trx.insertInto('companies').values(c).execute();
    for (const g of world.accessGroups) await trx.insertInto('access_groups').values(g).execute();
    for (const [i, c] of world.contacts.entries()) {
      await insertContact(trx, { ...c, passwordHash: hashes[i], createdAt });
    }
    for (const a of world.agents) await insertAgent(trx, a);
    for (const t of world.tickets) await insertTicket(trx, t);
    for (const m of world.messages) {
      await trx.insertInto('messages').values({
        id: m.id, ticket_id: m.ticketId, thread: m.thread, author_kind: m.authorKind, author_id: m.authorId,
        body: m.body, internal: m.internal ? 1 : 0, created_at: m.createdAt,
      }).execute();
      for (const a of m.attachments) {
        const file = files.get(a.id) as { key: string; size: number };
        await trx.insertInto('attachments').values({
          id: a.id, message_id: m.id, name: a.name, content_type: a.contentType, size: file.size, storage_key: file.key,
        }).execute();
      }
    }
    await writeSettings(trx, world.settings, now);
    await afterExplicitIds(trx);
  });
  return true;
}
