import type { Context } from 'hono';
import type { UploadLimits } from '../../src/contract/form.js';
import type { RawFormValues } from '../../src/domain/form-validation.js';
import { readCappedMultipart } from './capped-multipart.js';
import type { PartSink } from './multipart-stream.js';
import { Problem } from './problem.js';
import type { ReceivedFile } from './upload-sink.js';

/** One text field at most (bytes; the form's own limits are far lower), and all text fields together. */
const MAX_FIELD_BYTES = 256 * 1024;
const MAX_TEXT_BYTES = 1024 * 1024;
/** Room for part headers and boundaries besides text and files. */
const OVERHEAD_BYTES = 64 * 1024;

export interface SupportFormBody {
  /** The text parts as a form submits them: a repeated name becomes an array (`files[]` excluded). */
  raw: RawFormValues;
  files: ReceivedFile[];
  /** Deletes the received files (refused or duplicate request). */
  discard(): Promise<void>;
}

/** The most bytes a new-ticket request may carry under these limits. */
export const maxTicketRequestBytes = (limits: UploadLimits) => limits.maxFiles * limits.maxBytes + MAX_TEXT_BYTES + OVERHEAD_BYTES;

/**
 * Reads `POST /tickets` (multipart: the form's fields, `files[]`) while it streams in, capped
 * ({@link readCappedMultipart}): each text field and all of them together are capped (413).
 */
export async function readSupportFormBody(c: Context, limits: UploadLimits, filesDir: string): Promise<SupportFormBody> {
  const texts: [string, Buffer[]][] = [];
  let textBytes = 0;
  const textPart = (name: string): PartSink => {
    const chunks: Buffer[] = [];
    texts.push([name, chunks]);
    let size = 0;
    return {
      data(chunk) {
        size += chunk.byteLength;
        textBytes += chunk.byteLength;
        if (size > MAX_FIELD_BYTES || textBytes > MAX_TEXT_BYTES) throw Problem.tooLarge(`The field "${name.slice(0, 40)}" is too large.`);
        chunks.push(Buffer.from(chunk));
      },
      end() {},
    };
  };
  const { files, discard } = await readCappedMultipart(c, {
    cap: maxTicketRequestBytes(limits), what: 'a new ticket', sendAs: 'the form', limits, filesDir, maxTextParts: 200, textPart,
    noBody: () => Problem.badRequest('The request has no body.'),
  });
  return { raw: rawValues(texts), files, discard };
}

/** Text parts → raw form values: one part = a string, a repeated name (or `name[]`) = an array. */
function rawValues(texts: readonly [string, Buffer[]][]): RawFormValues {
  const grouped = new Map<string, string[]>();
  const listed = new Set<string>();
  for (const [part, chunks] of texts) {
    const name = part.endsWith('[]') ? part.slice(0, -2) : part;
    if (name !== part) listed.add(name);
    grouped.set(name, [...(grouped.get(name) ?? []), Buffer.concat(chunks).toString('utf8')]);
  }
  const raw: RawFormValues = Object.create(null) as RawFormValues;
  for (const [name, values] of grouped) raw[name] = values.length === 1 && !listed.has(name) ? values[0] : values;
  return raw;
}
