import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

/** Uploaded files live beside the database, never in a served folder: `data/portal.db` → `data/portal-files/`. */
export const filesDirFor = (dbFile: string) => join(dirname(dbFile), `${basename(dbFile, extname(dbFile))}-files`);

/** Stores content under a generated name (the user's file name is data, never a path); resolves with the key. */
export async function storeFile(filesDir: string, content: Uint8Array | string): Promise<{ key: string; size: number }> {
  await mkdir(filesDir, { recursive: true });
  const key = randomBytes(16).toString('hex');
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  await writeFile(join(filesDir, key), bytes, { flag: 'wx' });
  return { key, size: bytes.byteLength };
}
