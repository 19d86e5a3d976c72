/** A reply's HTML at most (bytes of UTF-8). */
export const MAX_REPLY_BYTES = 100 * 1024;

/** Whether a reply's HTML has nothing to read (no text, no image). */
export const isBlankHtml = (html: string): boolean =>
  !/<img\b/i.test(html) && html.replace(/<[^>]*>/g, '').replace(/&nbsp;|&#160;|&#xa0;/gi, ' ').trim() === '';

/** The English texts of a refused reply body (field `body`), the same from the server and the MemoryAdapter. */
export const REPLY_REFUSALS = {
  blank: 'Write a message or attach a file.',
  tooLong: 'The message is longer than 100 kB.',
} as const;

/** Why a reply's body is refused, or `null`: longer than {@link MAX_REPLY_BYTES}, or blank without files. */
export function replyBodyRefusal(body: string, fileCount: number): string | null {
  if (new TextEncoder().encode(body).byteLength > MAX_REPLY_BYTES) return REPLY_REFUSALS.tooLong;
  return fileCount === 0 && isBlankHtml(body) ? REPLY_REFUSALS.blank : null;
}
