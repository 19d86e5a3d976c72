import { Hono } from 'hono';
import { Preferences } from '../../src/contract/preferences.js';
import { readJson } from '../http/body.js';
import type { AppEnv } from '../http/context.js';
import { Problem } from '../http/problem.js';
import { readPreferences, writePreferences } from '../store/reply-emails.js';

/** `GET/PUT /me/preferences`: the signed-in contact's email choices and language. */
export const preferenceRoutes = new Hono<AppEnv>()
  .get('/me/preferences', async (c) => {
    return c.json(await readPreferences(c.get('deps').db, c.get('auth').contact.id));
  })
  .put('/me/preferences', async (c) => {
    const body = await readJson(c, Preferences);
    const { contact, settings } = c.get('auth');
    const locale = body.locale?.toLowerCase().split('-')[0] ?? null;
    if (locale !== null && !settings.locales.includes(locale as never)) {
      throw Problem.validation([{ field: 'locale', message: `The portal speaks ${settings.locales.join(', ')}.` }]);
    }
    const prefs = { replyEmails: body.replyEmails, locale };
    await writePreferences(c.get('deps').db, contact.id, prefs);
    return c.json(prefs);
  });
