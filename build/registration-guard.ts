import type { Plugin } from 'vite';

/** Modules that register custom elements: `src/define.ts`, `src/customer-portal.ts` and `src/elements/<tag>/define.ts`. */
const REGISTERING = /[\\/]src[\\/](?:(?:elements[\\/][^\\/]+[\\/])?define|customer-portal)\.ts$/;

/**
 * Fails the build when a module that registers elements lands in a shared chunk instead of its own entry file.
 * `package.json` `sideEffects` lists only the entry files, so a host's bundler would tree-shake a registration
 * that sits in `dist/chunks/*` away, and the element would never be defined.
 */
export function registrationGuard(): Plugin {
  let library = false;
  return {
    name: 'registration-guard',
    // Only the library build (`build.lib`); apps built from the same config (Storybook) bundle as they like.
    configResolved(config) {
      library = !!config.build.lib;
    },
    generateBundle(_options, bundle) {
      if (!library) return;
      for (const output of Object.values(bundle)) {
        // A chunk loaded with `import()` (the on-demand `define`) runs as a whole when imported: nothing drops it.
        if (output.type !== 'chunk' || output.isEntry || output.isDynamicEntry) continue;
        const registering = output.moduleIds.filter((id) => REGISTERING.test(id));
        if (registering.length > 0) {
          this.error(`${output.fileName} registers elements (${registering.join(', ')}) but is no entry; sideEffects would drop it`);
        }
      }
    },
  };
}
