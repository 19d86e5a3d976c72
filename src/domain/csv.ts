/** Byte-order mark so spreadsheet programs read the file as UTF-8. */
export const CSV_BOM = '\uFEFF';

/**
 * One CSV cell per RFC 4180, with spreadsheet-formula injection neutralized: a cell starting with
 * `=`, `+`, `-`, `@`, tab or CR gets a leading `'`.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated. */
export const csvRow = (cells: readonly unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** A whole CSV document: BOM, header row, data rows. */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  let out = CSV_BOM + csvRow(header);
  for (const row of rows) out += csvRow(row);
  return out;
}
