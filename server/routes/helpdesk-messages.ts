import type { Context } from 'hono';
import type * as z from 'zod/mini';
import type { Db } from '../db/connect.js';
import type { AppEnv } from '../http/context.js';
import { Problem } from '../http/problem.js';
import type { MessageInput } from '../schemas/admin.js';
import { storeFile } from '../store/files.js';

type Input = z.infer<typeof MessageInput>;

/** An agent's API key posts as that agent only (the admin token may post as anyone, e.g. to import history). */
export function enforceAgentKey(c: Context<AppEnv>, body: Input): void {
  const agentId = c.get('agentId');
  if (agentId === undefined) return;
  if (body.author !== 'agent' || body.authorId !== agentId) throw Problem.forbidden('An agent API key posts as its own agent: author "agent", authorId of the key.');
}

/** Stores the files of a helpdesk message and links them to it. */
export async function storeAgentAttachments(db: Db, filesDir: string, messageId: number, files: Input['attachments']): Promise<void> {
  for (const file of files ?? []) {
    const stored = await storeFile(filesDir, Buffer.from(file.contentBase64, 'base64'));
    await db.insertInto('attachments').values({
      message_id: messageId, name: file.name.replace(/[\\/\u0000-\u001f]/g, '_'), content_type: file.contentType || 'application/octet-stream',
      size: stored.size, storage_key: stored.key,
    }).execute();
  }
}
