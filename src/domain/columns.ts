import { DEFAULT_COLUMNS } from '../contract/list-rules.js';

/** The list's columns: the admin's, or the defaults when the admin chose none (the table and the CSV alike). */
export const effectiveColumns = (columns: readonly string[]): readonly string[] => (columns.length > 0 ? columns : DEFAULT_COLUMNS);
