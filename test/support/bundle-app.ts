import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { build as viteBuild } from 'vite';
import webpack from 'webpack';

/** What `npm pack` reports about the tarball. */
export interface Tarball {
  file: string;
  files: number;
  bytes: number;
  unpackedBytes: number;
}

/** Packs this repository as npm would publish it (`dist/` must be built). */
export function packTarball(dir: string): Tarball {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { encoding: 'utf8' });
  const [info] = JSON.parse(out) as { filename: string; entryCount: number; size: number; unpackedSize: number }[];
  return { file: join(dir, info.filename), files: info.entryCount, bytes: info.size, unpackedBytes: info.unpackedSize };
}

/**
 * A throw-away app in a temporary directory with the tarball installed as a user installs it (`npm install
 * <tarball>` plus the app's own `packages`; they come from the npm cache when they are there) and the given source files.
 */
export function createApp(tarball: string, files: Record<string, string>, packages: string[] = []): string {
  const app = mkdtempSync(join(tmpdir(), 'portal-app-'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'throw-away-app', private: true, type: 'module' }));
  execFileSync('npm', ['install', tarball, ...packages, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
    cwd: app, stdio: 'pipe',
  });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(app, name), text);
  return app;
}

export type Bundler = 'vite' | 'esbuild' | 'webpack';
export const BUNDLERS: Bundler[] = ['vite', 'esbuild', 'webpack'];

/**
 * Bundles `<app>/<entry>` for the browser with this repository's copy of the bundler, resolving packages from the
 * app's `node_modules`, into `outDir` with `main.js` as the entry file (`publicPath` is where the page serves it).
 */
export async function bundle(bundler: Bundler, app: string, entry: string, outDir: string, publicPath: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const input = join(app, entry);
  if (bundler === 'vite') {
    await viteBuild({
      root: app, configFile: false, logLevel: 'silent', publicDir: false, base: publicPath,
      build: {
        outDir, emptyOutDir: true, target: 'es2022', minify: true, copyPublicDir: false,
        rolldownOptions: { input, output: { format: 'es', entryFileNames: 'main.js', chunkFileNames: '[name]-[hash].js' } },
      },
    });
  } else if (bundler === 'esbuild') {
    await esbuild.build({
      entryPoints: { main: input }, absWorkingDir: app, bundle: true, splitting: true, format: 'esm', minify: true,
      target: 'es2022', outdir: outDir, logLevel: 'silent', chunkNames: '[name]-[hash]',
    });
  } else {
    await new Promise<void>((resolve, reject) => {
      webpack({
        mode: 'production', context: app, entry: { main: input }, target: 'web', devtool: false,
        output: { path: outDir, filename: '[name].js', chunkFilename: '[name]-[contenthash].js', publicPath, clean: true },
        performance: { hints: false },
      }, (error, stats) => {
        if (error) reject(error);
        else if (stats?.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
        else resolve();
      });
    });
  }
}

/** Bytes of every `.js` file a bundle wrote (entry plus chunks). */
export function bundleBytes(outDir: string): { main: number; total: number } {
  let total = 0;
  for (const name of readdirSync(outDir)) if (name.endsWith('.js')) total += statSync(join(outDir, name)).size;
  return { main: statSync(join(outDir, 'main.js')).size, total };
}

/** A served file's content type by extension. */
export function contentType(path: string): string {
  return path.endsWith('.html') ? 'text/html' : path.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
}

export const readBytes = (path: string) => readFileSync(path);
