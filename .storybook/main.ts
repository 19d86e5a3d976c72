import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for the portal elements. Stories live in `stories/` and double as test fixtures
 * (`test/browser/stories/stories.test.ts` renders every one of them and runs axe).
 *
 * One addon, docs (autodocs pages from `custom-elements.json`); Storybook 10's core already brings controls,
 * actions, backgrounds, viewport and toolbars, and everything here must build offline.
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: {
    disableTelemetry: true,
    // Offline machines: no "what's new" fetches from storybook.js.org, no crash reports.
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
  /**
   * The project's `vite.config.ts` is the *library* build (`build.lib`, one entry per element, lit & co.
   * external). Storybook builds an app. @storybook/builder-vite 10 already keeps only `build.target` of the
   * user config; this guard makes sure no library setting slips in should that ever change. Storybook's own
   * `build.rolldownOptions` (its inputs and externals) and `outDir` are left alone.
   */
  async viteFinal(viteConfig) {
    if (viteConfig.build && 'lib' in viteConfig.build) delete viteConfig.build.lib;
    const bundler = viteConfig.build?.rolldownOptions;
    if (bundler && Array.isArray(bundler.external)) {
      // Drop the library's package externals (/^lit/, /^zod/, …) but keep Storybook's asset externals.
      bundler.external = bundler.external.filter((e) => !(e instanceof RegExp && e.source.startsWith('^')));
    }
    // Storybook's manager-side iframe bundle is ~1 MB by nature; the library's own budget is checked elsewhere.
    viteConfig.build = { ...viteConfig.build, chunkSizeWarningLimit: 1500 };
    return viteConfig;
  },
};

export default config;
