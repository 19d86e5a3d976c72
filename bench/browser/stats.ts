/** Medians, spreads and paired ratios of the rounds. */

export const median = (values: number[]) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** 25th and 75th percentile (nearest rank). */
export const quartiles = (values: number[]): [number, number] => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  return [at(0.25), at(0.75)];
};

/** Ratios portal/vanilla of the same round. */
export const paired = (portal: number[], vanilla: number[]) => portal.map((p, i) => p / vanilla[i]);

export interface Row { label: string; portal: number[]; vanilla: number[]; unit: 'ms' | 'kB' | 'nodes' | 'n' | 'score'; /** No ratio column (counts and scores that are often 0). */ noRatio?: boolean; target?: { ratio?: number; max?: number; note: string } }

const fmt = (value: number, unit: Row['unit']) =>
  !Number.isFinite(value) ? '–'
    : unit === 'kB' ? (value / 1000).toFixed(1)
      : unit === 'score' ? value.toFixed(3)
        : unit === 'ms' ? value.toFixed(0)
          : value.toFixed(0);

/** One row's figures: medians, quartiles of each side, median paired ratio with its quartiles, and the target verdict. */
export function summarize(row: Row) {
  const p = median(row.portal);
  const v = median(row.vanilla);
  const ratios = paired(row.portal, row.vanilla).filter(Number.isFinite);
  const ratio = median(ratios);
  const [rLow, rHigh] = ratios.length ? quartiles(ratios) : [Number.NaN, Number.NaN];
  const [pLow, pHigh] = quartiles(row.portal);
  const [vLow, vHigh] = quartiles(row.vanilla);
  let met: boolean | undefined;
  if (row.target?.ratio !== undefined) met = ratio <= row.target.ratio;
  if (row.target?.max !== undefined) met = p <= row.target.max;
  return {
    label: row.label,
    unit: row.unit,
    portal: `${fmt(p, row.unit)} (${fmt(pLow, row.unit)}–${fmt(pHigh, row.unit)})`,
    vanilla: `${fmt(v, row.unit)} (${fmt(vLow, row.unit)}–${fmt(vHigh, row.unit)})`,
    ratio: row.noRatio || row.unit === 'n' || row.unit === 'score' ? '–' : ratios.length ? `${ratio.toFixed(2)}× (${rLow.toFixed(2)}–${rHigh.toFixed(2)})` : '–',
    target: row.target ? `${row.target.note} ${met ? '**met**' : '**not met**'}` : '',
  };
}

/** A Markdown table of the rows. */
export function table(rows: Row[]): string {
  const lines = [
    '| measure | unit | portal median (p25–p75) | vanilla median (p25–p75) | portal/vanilla, median of paired ratios (p25–p75) | target (issue 16) |',
    '|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const s = summarize(row);
    lines.push(`| ${s.label} | ${s.unit} | ${s.portal} | ${s.vanilla} | ${s.ratio} | ${s.target} |`);
  }
  return lines.join('\n');
}
