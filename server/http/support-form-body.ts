import type { Context } from 'hono';
import type { UploadLimits } from '../../src/contract/form.js';
import type { RawFormValues } from '../../src/domain/form-validation.js';
import { boundaryOf, MultipartError, readMultipart, type PartSink } from './multipart-stream.js';
import { Problem } from './problem.js';
import { sizeText, uploadSink, type ReceivedFile } from './upload-sink.js';

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

const tooLarge = (message: string) => Problem.tooLarge(message);

/** The most bytes a new-ticket request may carry under these limits. */
export const maxTicketRequestBytes = (limits: UploadLimits) => limits.maxFiles * limits.maxBytes + MAX_TEXT_BYTES + OVERHEAD_BYTES;

/**
 * Reads `POST /tickets` (multipart: the form's fields, `files[]`) while it streams in: file count, size and type are
 * checked as the parts arrive (413 / 422 naming `files`), text is capped, and files go straight to the upload folder
 * under generated names; on any refusal the received files are deleted.
 */
export async function readSupportFormBody(c: Context, limits: UploadLimits, filesDir: string): Promise<SupportFormBody> {
  const boundary = boundaryOf(c.req.header('content-type'));
  if (!boundary) throw Problem.unsupportedMediaType('Send the form as multipart/form-data.');
  const cap = maxTicketRequestBytes(limits);
  if (Number(c.req.header('content-length') ?? Number.NaN) > cap) throw tooLarge(`The request is larger than the ${sizeText(cap)} a new ticket may carry.`);
  const stream = c.req.raw.body;
  if (!stream) throw Problem.badRequest('The request has no body.');

  const files: ReceivedFile[] = [];
  const texts: [string, Buffer[]][] = [];
  let textBytes = 0;
  let total = 0;

  const fileSink = (filename: string | undefined, type: string) => uploadSink(files, filename, type, limits, filesDir);

  const textSink = (name: string): PartSink => {
    const chunks: Buffer[] = [];
    texts.push([name, chunks]);
    let size = 0;
    return {
      data(chunk) {
        size += chunk.byteLength;
        textBytes += chunk.byteLength;
        if (size > MAX_FIELD_BYTES || textBytes > MAX_TEXT_BYTES) throw tooLarge(`The field "${name.slice(0, 40)}" is too large.`);
        chunks.push(Buffer.from(chunk));
      },
      end() {},
    };
  };

  const discard = async () => { await Promise.all(files.map((f) => f.upload.discard())); };
  const counted = stream.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      total += chunk.byteLength;
      if (total > cap) throw tooLarge(`The request is larger than the ${sizeText(cap)} a new ticket may carry.`);
      controller.enqueue(chunk);
    },
  }));
  try {
    await readMultipart(counted, boundary, {
      maxParts: limits.maxFiles + 200,
      onPart: (info) => (info.name === 'files[]' || info.name === 'files' ? fileSink(info.filename, info.contentType) : textSink(info.name)),
    });
  } catch (error) {
    await discard();
    if (error instanceof MultipartError) {
      throw Problem.malformedMultipart(error.message);
    }
    throw error;
  }
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
