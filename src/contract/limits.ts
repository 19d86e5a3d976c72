import * as z from 'zod/mini';

/**
 * How much one contact may submit, and how much the portal stores in total (`Settings.limits`; each field
 * defaults to {@link DEFAULT_SUBMISSION_LIMITS}). Beyond a rate the server answers 429 with `Retry-After`; beyond a
 * storage quota 413.
 */
export const SubmissionLimits = z.object({
  /** New tickets per contact per hour. */
  ticketsPerHour: z.optional(z.int().check(z.gte(1), z.lte(10_000))),
  /** Replies per contact per hour. */
  repliesPerHour: z.optional(z.int().check(z.gte(1), z.lte(10_000))),
  /** Bytes of attachments one contact may have stored. */
  storagePerContactBytes: z.optional(z.int().check(z.gte(0))),
  /** Bytes of attachments all contacts together may have stored. */
  storageTotalBytes: z.optional(z.int().check(z.gte(0))),
});
export type SubmissionLimits = z.infer<typeof SubmissionLimits>;

export const DEFAULT_SUBMISSION_LIMITS: Required<SubmissionLimits> = {
  ticketsPerHour: 20,
  repliesPerHour: 120,
  storagePerContactBytes: 200 * 1024 * 1024,
  storageTotalBytes: 20 * 1024 * 1024 * 1024,
};

/** The limits in force: the configured ones over the defaults. */
export const submissionLimits = (given: SubmissionLimits | undefined): Required<SubmissionLimits> =>
  ({ ...DEFAULT_SUBMISSION_LIMITS, ...Object.fromEntries(Object.entries(given ?? {}).filter(([, v]) => v !== undefined)) });
