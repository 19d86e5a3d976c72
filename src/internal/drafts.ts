/** A reply or form draft kept in this browser until it is sent or the user signs out. */
export interface Draft {
  html: string;
  savedAt: string;
  /** Files cannot be kept; their names are, so the user knows what to attach again. */
  fileNames: string[];
}

const PREFIX = 'customer-portal:draft:';
const keyOf = (userId: number, scope: string) => `${PREFIX}${userId}:${scope}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function loadDraft(userId: number, scope: string): Draft | null {
  try {
    const raw = storage()?.getItem(keyOf(userId, scope));
    if (!raw) return null;
    const draft = JSON.parse(raw) as Partial<Draft>;
    return typeof draft.html === 'string'
      ? { html: draft.html, savedAt: String(draft.savedAt ?? ''), fileNames: Array.isArray(draft.fileNames) ? draft.fileNames.map(String) : [] }
      : null;
  } catch {
    return null;
  }
}

export function saveDraft(userId: number, scope: string, draft: Draft): void {
  try {
    storage()?.setItem(keyOf(userId, scope), JSON.stringify(draft));
  } catch {
    // Full or blocked storage: the text stays in the editor; nothing else to do.
  }
}

export function clearDraft(userId: number, scope: string): void {
  storage()?.removeItem(keyOf(userId, scope));
}

/** Removes every draft of a user (at sign-out). */
export function clearDraftsOf(userId: number): void {
  const store = storage();
  if (!store) return;
  const mine = `${PREFIX}${userId}:`;
  for (const key of Object.keys(store)) if (key.startsWith(mine)) store.removeItem(key);
}
