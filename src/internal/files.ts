import { sizeParts } from '../domain/sizes.js';

/** The upload rules live in the domain (the server and the MemoryAdapter apply them too); elements read them here. */
export { displayFileName, fileProblems, isAccepted, type FileProblem } from '../domain/uploads.js';

/** "10 MiB", "1 MB", "820 kB", "12 bytes" in the user's language (see `sizeParts` for the unit system). */
export function formatBytes(bytes: number, locale: string): string {
  const { value, unit } = sizeParts(bytes);
  if (unit === 'byte') return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(value);
  // Unit symbols are international (SI / IEC); the number follows the language.
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)}\u00a0${unit}`;
}
