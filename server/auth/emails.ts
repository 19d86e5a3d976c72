import type { Settings } from '../../src/contract/settings.js';
import type { Email } from '../store/outbox.js';

/** The texts of the emails the auth routes send (English; the outbox is the reference server's mail stand-in). */

export const resetEmail = (to: string, settings: Settings, link: string): Email => ({
  to,
  subject: `Reset your ${settings.name} password`,
  text: `Someone asked to reset the password of your ${settings.name} account.\n\nChoose a new password here:\n${link}\n\n`
    + 'The link is valid for 30 minutes and works once. If it was not you, ignore this email: your password stays as it is.',
  link,
});

export const accountExistsEmail = (to: string, settings: Settings, link: string): Email => ({
  to,
  subject: `You already have an account at ${settings.name}`,
  text: `Someone tried to register at ${settings.name} with this address, but you already have an account.\n\n`
    + `Sign in with your password, or choose a new one here:\n${link}\n\n`
    + 'The link is valid for 30 minutes. If it was not you, ignore this email: nothing has changed.',
  link,
});

export const signInLinkEmail = (to: string, settings: Settings, link: string): Email => ({
  to,
  subject: `Your sign-in link for ${settings.name}`,
  text: `Sign in to ${settings.name} with this link:\n${link}\n\n`
    + 'The link is valid for 15 minutes and works once. If you did not ask for it, ignore this email.',
  link,
});
