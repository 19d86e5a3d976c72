/**
 * Date and number formatters for one locale. Building `Intl` formatters is costly, so there is one set per
 * locale, shared by every element and kept for the page's lifetime (a handful of locales at most).
 */
export class CellFormat {
  static readonly #cache = new Map<string, CellFormat>();

  /** The shared formatters of a locale. */
  static for(locale: string): CellFormat {
    let format = CellFormat.#cache.get(locale);
    if (!format) CellFormat.#cache.set(locale, (format = new CellFormat(locale)));
    return format;
  }

  readonly date: Intl.DateTimeFormat;
  readonly dateTime: Intl.DateTimeFormat;
  readonly full: Intl.DateTimeFormat;
  readonly relative: Intl.RelativeTimeFormat;
  readonly number: Intl.NumberFormat;
  readonly plural: Intl.PluralRules;

  private constructor(readonly locale: string) {
    this.date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    this.dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    this.full = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' });
    this.relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    this.number = new Intl.NumberFormat(locale);
    this.plural = new Intl.PluralRules(locale);
  }

  /** "3 hours ago", "yesterday", "2 weeks ago"; dates older than ~a month as a date. */
  ago(iso: string, now = Date.now()): string {
    const seconds = (Date.parse(iso) - now) / 1000;
    const abs = Math.abs(seconds);
    if (abs < 60) return this.relative.format(Math.round(seconds), 'second');
    if (abs < 3600) return this.relative.format(Math.round(seconds / 60), 'minute');
    if (abs < 86_400) return this.relative.format(Math.round(seconds / 3600), 'hour');
    if (abs < 7 * 86_400) return this.relative.format(Math.round(seconds / 86_400), 'day');
    if (abs < 30 * 86_400) return this.relative.format(Math.round(seconds / (7 * 86_400)), 'week');
    return this.date.format(new Date(iso));
  }
}
