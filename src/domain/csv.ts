/** Byte-order mark so spreadsheet programs read the file as UTF-8. */
export const CSV_BOM = '\uFEFF';

/** Starts a formula in a spreadsheet: `=`, `+`, `-`, `@`, tab or CR first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralizes formula injection: every piece of the text that a spreadsheet could read as a cell of its own —
 * the start, and whatever follows a `,`, `;` or tab (the delimiters spreadsheets guess), or a line break — gets a
 * leading `'` when it starts a formula. So the text is safe whichever delimiter the file is opened with.
 */
export function neutralizeFormulas(text: string): string {
  return text.split(/(?<=[,;\t\r\n])/).map((piece) => (FORMULA_START.test(piece) ? `'${piece}` : piece)).join('');
}

/**
 * One CSV cell per RFC 4180, with spreadsheet-formula injection neutralized (see {@link neutralizeFormulas}). Any
 * cell holding a delimiter a spreadsheet might use (`,` `;` tab), a quote or a line break is quoted.
 */
export function csvCell(value: unknown): string {
  const text = neutralizeFormulas(value === null || value === undefined ? '' : String(value));
  return /[",;\t\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated. */
export const csvRow = (cells: readonly unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** A whole CSV document: BOM, header row, data rows. */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  let out = CSV_BOM + csvRow(header);
  for (const row of rows) out += csvRow(row);
  return out;
}
