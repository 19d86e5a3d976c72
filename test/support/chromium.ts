import { chromium, type Browser, type Page } from 'playwright-core';

/** Flags for Debian's Chromium as root on a machine without outside network. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Collects a page's console errors, uncaught exceptions and failed responses. Chrome logs every 4xx response
 * as a console error ("Failed to load resource"); those are reported as `failedResponses` (`401 /api/v1/auth/login`)
 * so a test can name the ones it expects, and everything else lands in `errors`.
 */
export function collectPageErrors(page: Page): { errors: string[]; failedResponses: string[] } {
  const errors: string[] = [];
  const failedResponses: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) failedResponses.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // Aborted on purpose: the elements cancel loads that are no longer needed (e.g. the list at sign-out).
    if (reason !== 'net::ERR_ABORTED') errors.push(`request failed: ${request.url()} ${reason}`);
  });
  return { errors, failedResponses };
}
