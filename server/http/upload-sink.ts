import { createHash } from 'node:crypto';
import type { UploadLimits } from '../../src/contract/form.js';
import { displayFileName } from '../../src/domain/uploads.js';
import { UPLOAD_RULES, type UploadRefusal } from '../../src/domain/upload-rules.js';
import { sizeText } from '../../src/domain/sizes.js';
import type { FieldError } from '../../src/contract/errors.js';
import { UploadFile } from '../store/uploads.js';
import type { PartSink } from './multipart-stream.js';
import { Problem } from './problem.js';

export interface ReceivedFile {
  /** The user's file name cleaned as the browser shows it (data, never a path). */
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  upload: UploadFile;
}

/** "10 MiB", "1 MB", "500 bytes": in the units the limit is defined in. */
export { sizeText };

/** A refused upload, naming the `files` field (413 closes the connection: the rest of the body is not read). */
export const filesProblem = (status: 413 | 422, message: string) => {
  const errors = [{ field: 'files', message, key: status === 413 ? 'too-large' : 'not-allowed' } as FieldError];
  return status === 413 ? Problem.tooLarge(message, { errors }) : Problem.validation(errors, message, { headers: { connection: 'close' } });
};

const refuseIf = (refusal: UploadRefusal | null) => {
  if (refusal) throw filesProblem(refusal.status, refusal.message);
};

/**
 * Receives one file part while it streams: count, type (by name and declared type) and size are checked before or
 * as bytes arrive, bytes go straight to a generated file in `filesDir`, and the file joins `files` (for cleanup).
 */
export async function uploadSink(files: ReceivedFile[], filename: string | undefined, type: string, limits: UploadLimits, filesDir: string): Promise<PartSink> {
  const cleaned = displayFileName(filename ?? '');
  refuseIf(UPLOAD_RULES.start(files.length, cleaned, type, limits));
  const upload = await UploadFile.create(filesDir);
  const file: ReceivedFile = { name: cleaned, contentType: type || 'application/octet-stream', size: 0, sha256: '', upload };
  files.push(file);
  const hash = createHash('sha256');
  return {
    async data(chunk) {
      file.size += chunk.byteLength;
      refuseIf(UPLOAD_RULES.size(cleaned, file.size, limits));
      hash.update(chunk);
      await upload.write(chunk);
    },
    async end() {
      await upload.close();
      refuseIf(UPLOAD_RULES.end(cleaned, file.size));
      file.sha256 = hash.digest('hex');
    },
  };
}
