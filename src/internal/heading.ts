import { literal, type StaticValue } from 'lit/static-html.js';

const TAGS: StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** The heading tag for a level, clamped to h1–h6 (for `static-html` templates). */
export const headingTag = (level: number): StaticValue => TAGS[Math.min(6, Math.max(1, Math.round(level || 2))) - 1];
