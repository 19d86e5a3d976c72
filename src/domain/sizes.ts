/**
 * How a byte count is shown: in the unit system it was defined in. A limit of `10 * 1024 * 1024` bytes reads
 * "10 MiB", a limit of `1_000_000` reads "1 MB": exact multiples of 1024 use binary units (KiB, MiB, GiB),
 * everything else decimal units (kB, MB, GB). Never a rounded "10.5 MB" for 10 MiB.
 */
export interface SizeParts {
  value: number;
  unit: 'byte' | 'kB' | 'MB' | 'GB' | 'KiB' | 'MiB' | 'GiB';
}

const DECIMAL = ['kB', 'MB', 'GB'] as const;
const BINARY = ['KiB', 'MiB', 'GiB'] as const;

export function sizeParts(bytes: number): SizeParts {
  const binary = bytes >= 1024 && bytes % 1024 === 0;
  const base = binary ? 1024 : 1000;
  const units = binary ? BINARY : DECIMAL;
  if (bytes < base) return { value: bytes, unit: 'byte' };
  let value = bytes / base;
  let unit = 0;
  while (value >= base && unit < units.length - 1) {
    value /= base;
    unit++;
  }
  return { value: Math.round(value * 10) / 10, unit: units[unit] };
}

/** "10 MiB", "1 MB", "500 bytes" in English notation (server messages). */
export function sizeText(bytes: number): string {
  const { value, unit } = sizeParts(bytes);
  return unit === 'byte' ? `${value} ${value === 1 ? 'byte' : 'bytes'}` : `${value} ${unit}`;
}
