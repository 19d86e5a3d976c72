import { randomBytes } from 'node:crypto';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A file being received: written chunk by chunk into the upload folder under a generated name (32 hex digits), so
 * nothing the client sends ever becomes part of a path.
 */
export class UploadFile {
  private constructor(readonly key: string, readonly path: string, private handle: FileHandle | null) {}

  static async create(filesDir: string): Promise<UploadFile> {
    await mkdir(filesDir, { recursive: true });
    const key = randomBytes(16).toString('hex');
    const path = join(filesDir, key);
    return new UploadFile(key, path, await open(path, 'wx'));
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (!this.handle) throw new Error('Upload already closed');
    let offset = 0;
    while (offset < chunk.byteLength) {
      const { bytesWritten } = await this.handle.write(chunk, offset);
      offset += bytesWritten;
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  /** Closes and deletes the file (an aborted or duplicate upload). */
  async discard(): Promise<void> {
    await this.close().catch(() => undefined);
    await rm(this.path, { force: true });
  }
}

/** The stored path of an attachment's key, or `undefined` for anything that is not a generated key. */
export const storedPath = (filesDir: string, key: string) => (/^[0-9a-f]{32}$/.test(key) ? join(filesDir, key) : undefined);
