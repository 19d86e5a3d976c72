import type { FormField } from '../../contract/form.js';
import type { RawFormValues } from '../../domain/form-validation.js';
import type { Draft } from '../../internal/drafts.js';

/** The values a form starts with, and what a restored draft brings along. */
export interface FormStart {
  raw: RawFormValues;
  /** The idempotency key of the draft's submission (a retried submit creates no second ticket). */
  key?: string;
  /** Only when a draft was read: it held something, and the names of its files to attach again. */
  draft?: { restored: boolean; reattach: string[] };
}

/** Draft first (nothing typed is lost), then `prefill` (attributes, URL parameters) for fields still empty. */
export function formStart(fields: readonly FormField[], draft: Draft | null, prefill: (name: string) => string | null): FormStart {
  const start: FormStart = { raw: {} };
  if (draft) {
    try {
      const saved = JSON.parse(draft.html) as { raw?: RawFormValues; key?: string };
      start.raw = saved.raw ?? {};
      if (saved.key) start.key = saved.key;
      const restored = Object.values(start.raw).some((v) => (Array.isArray(v) ? v.length : v)) || draft.fileNames.length > 0;
      start.draft = { restored, reattach: draft.fileNames };
    } catch {
      start.raw = {};
    }
  }
  const raw = start.raw;
  for (const field of fields) {
    if (raw[field.name] !== undefined && raw[field.name] !== '') continue;
    const value = prefill(field.name);
    if (value !== null) raw[field.name] = field.type === 'checkboxes' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value;
  }
  return start;
}
