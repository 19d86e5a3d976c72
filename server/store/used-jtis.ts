import type { Db } from '../db/connect.js';

/**
 * Records a JWT id as used; `false` when it already was (a replay). Rows are kept until the token would have
 * expired anyway (after that its `exp` refuses it), and expired rows are dropped on the way.
 */
export async function useJti(db: Db, jti: string, keepUntil: number, at: number): Promise<boolean> {
  await db.deleteFrom('used_jtis').where('expires_at', '<=', at).execute();
  const inserted = await db.insertInto('used_jtis').values({ jti, expires_at: keepUntil })
    .onConflict((oc) => oc.column('jti').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}
