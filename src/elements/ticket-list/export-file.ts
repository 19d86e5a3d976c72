/** `Tickets-2026-11-23.csv`: the ticket label (letters, digits and dashes only) and the local date. */
export function exportFileName(plural: string, date: Date): string {
  const label = plural.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'tickets';
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `${label}-${day}.csv`;
}

/** Saves a Blob as a file through a temporary link (no navigation, no popup). */
export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
