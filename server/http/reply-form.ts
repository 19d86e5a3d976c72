import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { UploadLimits } from '../../src/contract/form.js';
import { readCappedMultipart } from './capped-multipart.js';
import type { PartSink } from './multipart-stream.js';
import { Problem } from './problem.js';
import type { ReceivedFile } from './upload-sink.js';

export type { ReceivedFile } from './upload-sink.js';

import { isBlankHtml, MAX_REPLY_BYTES, REPLY_REFUSALS } from '../../src/domain/reply-rules.js';

export { isBlankHtml, MAX_REPLY_BYTES } from '../../src/domain/reply-rules.js';
/** Other text fields are read and ignored, up to this many bytes each. */
const MAX_OTHER_FIELD_BYTES = 4 * 1024;
/** Room for part headers, boundaries and the body besides the files. */
const OVERHEAD_BYTES = MAX_REPLY_BYTES + 256 * 1024;

export interface ReplyForm {
  body: string;
  files: ReceivedFile[];
  /** SHA-256 of what was posted to this ticket: the same Idempotency-Key with other content is refused. */
  fingerprint: string;
  /** Deletes the received files (refused or duplicate request). */
  discard(): Promise<void>;
}

/** The most bytes a reply request may carry under these limits. */
export const maxReplyRequestBytes = (limits: UploadLimits) => limits.maxFiles * limits.maxBytes + OVERHEAD_BYTES;

const blankReply = () => Problem.validation([{ field: 'body', message: REPLY_REFUSALS.blank }]);

/**
 * Reads `POST /tickets/{id}/messages` (multipart: `body`, `files[]`) while it streams in, capped
 * ({@link readCappedMultipart}): the HTML is capped at 100 kB (422 naming `body`), other text parts are read and
 * ignored; a reply without text and files is refused (422 naming `body`).
 */
export async function readReplyForm(c: Context, limits: UploadLimits, filesDir: string): Promise<ReplyForm> {
  const bodyChunks: Buffer[] = [];
  let bodyBytes = 0;
  const textPart = (name: string): PartSink => {
    if (name === 'body') {
      return {
        data(chunk) {
          bodyBytes += chunk.byteLength;
          if (bodyBytes > MAX_REPLY_BYTES) {
            throw Problem.validation([{ field: 'body', message: REPLY_REFUSALS.tooLong }], 'The message is too long.', { headers: { connection: 'close' } });
          }
          bodyChunks.push(Buffer.from(chunk));
        },
        end() {},
      };
    }
    let size = 0;
    return {
      data(chunk) {
        size += chunk.byteLength;
        if (size > MAX_OTHER_FIELD_BYTES) throw Problem.badRequest(`The field "${name.slice(0, 40)}" is too large.`, { headers: { connection: 'close' } });
      },
      end() {},
    };
  };
  const { files, discard } = await readCappedMultipart(c, {
    cap: maxReplyRequestBytes(limits), what: 'a reply', sendAs: 'the reply', limits, filesDir, maxTextParts: 20, textPart,
    noBody: () => blankReply(),
  });
  const body = Buffer.concat(bodyChunks).toString('utf8');
  if (files.length === 0 && isBlankHtml(body)) {
    await discard();
    throw blankReply();
  }
  return {
    body,
    files,
    discard,
    fingerprint: createHash('sha256').update(JSON.stringify({
      body, files: files.map((f) => [f.name, f.contentType, f.size, f.sha256]),
    })).digest('hex'),
  };
}
