import type { Context } from 'hono';
import type { UploadLimits } from '../../src/contract/form.js';
import { boundaryOf, MultipartError, readMultipart, type PartSink } from './multipart-stream.js';
import { Problem } from './problem.js';
import { filesProblem, sizeText, uploadSink, type ReceivedFile } from './upload-sink.js';

export interface CappedMultipartOptions {
  /** Bytes the whole request may carry at most (checked on `Content-Length` and while it streams). */
  cap: number;
  /** The request in messages: "a reply", "a new ticket". */
  what: string;
  /** What to send, in the 415 answer: "the reply", "the form". */
  sendAs: string;
  /** The upload limits of the `files[]` parts, and the folder they stream into. */
  limits: UploadLimits;
  filesDir: string;
  /** Text parts at most (besides the files). */
  maxTextParts: number;
  /** Where the bytes of a text part (any part but `files[]` / `files`) go; it may refuse by throwing. */
  textPart(name: string): PartSink;
  /** The answer when the request has no body at all. */
  noBody(): Problem;
}

export interface CappedMultipart {
  files: ReceivedFile[];
  /** Deletes the received files (refused or duplicate request). */
  discard(): Promise<void>;
}

/**
 * Reads a `multipart/form-data` request while it streams in, capped: 415 unless multipart, 413 (naming `files`) past
 * the cap, 400 when malformed. `files[]` parts are checked against the upload limits as they arrive (count, type,
 * size: 413 / 422 naming `files`) and go straight to the upload folder under generated names; text parts go to the
 * caller's sinks. On any refusal the received files are deleted.
 */
export async function readCappedMultipart(c: Context, o: CappedMultipartOptions): Promise<CappedMultipart> {
  const boundary = boundaryOf(c.req.header('content-type'));
  if (!boundary) throw Problem.unsupportedMediaType(`Send ${o.sendAs} as multipart/form-data.`);
  const overCap = () => filesProblem(413, `The request is larger than the ${sizeText(o.cap)} ${o.what} may carry.`);
  if (Number(c.req.header('content-length') ?? Number.NaN) > o.cap) throw overCap();
  const stream = c.req.raw.body;
  if (!stream) throw o.noBody();

  const files: ReceivedFile[] = [];
  const discard = async () => { await Promise.all(files.map((f) => f.upload.discard())); };
  let total = 0;
  const counted = stream.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      total += chunk.byteLength;
      if (total > o.cap) throw overCap();
      controller.enqueue(chunk);
    },
  }));
  try {
    await readMultipart(counted, boundary, {
      maxParts: o.limits.maxFiles + o.maxTextParts,
      onPart: (info) => (info.name === 'files[]' || info.name === 'files'
        ? uploadSink(files, info.filename, info.contentType, o.limits, o.filesDir)
        : o.textPart(info.name)),
    });
  } catch (error) {
    await discard();
    if (error instanceof MultipartError) throw Problem.malformedMultipart(error.message);
    throw error;
  }
  return { files, discard };
}
