/**
 * Puts the admin's accent color (portal settings) on an element's host as the private `--_settings-accent`, read
 * by the tokens' `--_accent` on that host and inherited by everything inside. Host CSS setting
 * `--portal-color-accent` still wins; without an accent the default applies.
 */
export function applySettingsAccent(host: HTMLElement, accent: string | undefined | null) {
  if (accent) host.style.setProperty('--_settings-accent', accent);
  else host.style.removeProperty('--_settings-accent');
}
