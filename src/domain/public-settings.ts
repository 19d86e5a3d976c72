import type { PublicSettings, Settings } from '../contract/settings.js';
import { effectiveColumns } from './columns.js';

/** Picks the admin texts for a locale (exact tag, then its language), falling back to the default texts. */
export function localizedTexts(settings: Settings, locale: string | undefined) {
  const translations = settings.translations ?? {};
  // Only the languages the admin offers; any other falls back to the default language's texts.
  const locales = settings.locales.map((l) => l.toLowerCase());
  const offered = (l: string | undefined) => !!l && (locales.includes(l.toLowerCase()) || locales.includes(l.toLowerCase().split('-')[0]));
  const chosen = offered(locale) ? locale : settings.defaultLocale;
  const t = (chosen && (translations[chosen] ?? translations[chosen.split('-')[0]])) || {};
  return {
    name: t.name || settings.name,
    ticketLabel: t.ticketLabel ?? settings.ticketLabel,
    consent: t.consent ?? settings.consent,
    menuText: t.menuText || settings.supportForm.menuText,
    headerText: t.headerText || settings.supportForm.headerText,
  };
}

/** What the portal tells anyone before sign-in: no secrets (SSO keys, group ids, rules) ever leave. */
export function toPublicSettings(settings: Settings, locale?: string): PublicSettings {
  const texts = localizedTexts(settings, locale);
  const { access } = settings;
  return {
    name: texts.name,
    enabled: settings.enabled,
    ticketLabel: texts.ticketLabel,
    defaultLocale: settings.defaultLocale,
    locales: settings.locales,
    auth: {
      password: access.mode !== 'sso',
      selfRegistration: access.mode === 'self-registration',
      magicLink: access.magicLink && access.mode !== 'sso',
      sso: access.mode === 'sso' && access.sso ? { label: access.sso.label, startUrl: access.sso.startUrl } : null,
    },
    consent: texts.consent,
    supportForm: settings.supportForm.enabled ? { menuText: texts.menuText, headerText: texts.headerText } : null,
    uploads: settings.supportForm.uploads,
    columns: [...effectiveColumns(settings.columns)],
    statusDisplay: settings.statusDisplay,
    idleTimeoutMinutes: settings.idleTimeoutMinutes,
    knowledgeBaseUrl: settings.knowledgeBaseUrl,
    theme: settings.theme,
  };
}
