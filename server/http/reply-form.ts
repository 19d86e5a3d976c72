import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { UploadLimits } from '../../src/contract/form.js';
import { boundaryOf, MultipartError, readMultipart, type PartSink } from './multipart-stream.js';
import { Problem, validation } from './problem.js';
import { filesProblem, sizeText, uploadSink, type ReceivedFile } from './upload-sink.js';

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

/**
 * Reads `POST /tickets/{id}/messages` (multipart: `body`, `files[]`) while it streams in: file count, size and type
 * are checked as the parts arrive (413 / 422 naming `files`), the HTML is capped at 100 kB (422 naming `body`), and
 * files go straight to the upload folder under generated names; on any refusal the received files are deleted.
 */
export async function readReplyForm(c: Context, limits: UploadLimits, filesDir: string): Promise<ReplyForm> {
  const boundary = boundaryOf(c.req.header('content-type'));
  if (!boundary) throw new Problem(415, 'unsupported-media-type', 'Unsupported media type', 'Send the reply as multipart/form-data.');
  const cap = maxReplyRequestBytes(limits);
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (declared > cap) throw filesProblem(413, `The request is larger than the ${sizeText(cap)} a reply may carry.`);
  const stream = c.req.raw.body;
  if (!stream) throw validation([{ field: 'body', message: REPLY_REFUSALS.blank }]);

  const files: ReceivedFile[] = [];
  const bodyChunks: Buffer[] = [];
  let bodyBytes = 0;
  let total = 0;
  const sinkFor = async (name: string, filename: string | undefined, type: string): Promise<PartSink> => {
    if (name === 'files[]' || name === 'files') return uploadSink(files, filename, type, limits, filesDir);
    if (name === 'body') {
      return {
        data(chunk) {
          bodyBytes += chunk.byteLength;
          if (bodyBytes > MAX_REPLY_BYTES) {
            throw new Problem(422, 'validation', 'Validation failed', 'The message is too long.',
              [{ field: 'body', message: REPLY_REFUSALS.tooLong }], { connection: 'close' });
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
        if (size > MAX_OTHER_FIELD_BYTES) throw new Problem(400, 'bad-request', 'Bad request', `The field "${name.slice(0, 40)}" is too large.`, undefined, { connection: 'close' });
      },
      end() {},
    };
  };
  const discard = async () => { await Promise.all(files.map((f) => f.upload.discard())); };

  const counted = stream.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      total += chunk.byteLength;
      if (total > cap) throw filesProblem(413, `The request is larger than the ${sizeText(cap)} a reply may carry.`);
      controller.enqueue(chunk);
    },
  }));
  try {
    await readMultipart(counted, boundary, {
      maxParts: limits.maxFiles + 20,
      onPart: (info) => sinkFor(info.name, info.filename, info.contentType),
    });
  } catch (error) {
    await discard();
    if (error instanceof MultipartError) {
      throw new Problem(400, 'malformed-multipart', 'Malformed request', `The multipart body is not valid: ${error.message}`, undefined, { connection: 'close' });
    }
    throw error;
  }
  const body = Buffer.concat(bodyChunks).toString('utf8');
  if (files.length === 0 && isBlankHtml(body)) {
    await discard();
    throw validation([{ field: 'body', message: REPLY_REFUSALS.blank }]);
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
