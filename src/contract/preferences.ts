import * as z from 'zod/mini';

/** A signed-in contact's choices: emails when the support team answers, and the language those emails speak. */
export const Preferences = z.object({
  replyEmails: z.boolean(),
  /** The portal language the contact uses (`null`: the portal's default). */
  locale: z.nullable(z.string().check(z.maxLength(35))),
});
export type Preferences = z.infer<typeof Preferences>;
