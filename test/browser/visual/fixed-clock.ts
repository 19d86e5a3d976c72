/**
 * Screenshots show relative times ("2 weeks ago") and dates of the seeded demo world, so the page's clock stands
 * still at one moment of that world. Import this module first: story modules read the clock when they load.
 */
export const FIXED_NOW = Date.UTC(2026, 10, 20, 10, 0, 0);

const RealDate = Date;

class FixedDate extends RealDate {
  constructor(...args: unknown[]) {
    super(...((args.length === 0 ? [FIXED_NOW] : args) as [number]));
  }

  static override now() {
    return FIXED_NOW;
  }
}

globalThis.Date = FixedDate as DateConstructor;
