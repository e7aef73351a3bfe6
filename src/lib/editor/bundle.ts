/**
 * Bundles the editor's script (src/admin/main.ts, Sveltia CMS from node_modules)
 * into the files served under /admin/cms/, when the site is built or `astro dev`
 * serves /admin/. Nothing is downloaded: Sveltia's npm build carries its
 * languages, code-highlighting grammars and fonts, and esbuild splits what is
 * loaded on demand into files of their own.
 *
 * Sveltia's own stylesheet names its fonts on a CDN as well as in its package;
 * those addresses are pointed at the packaged copies here, so the browser never
 * asks the CDN (the admin page's CSP would refuse it anyway, with an error in
 * the console). A CDN address the rewrite does not know stops the bundle.
 */
import { build, type Plugin } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import type { EditorBundleData } from '../../admin/main.ts';

/** Where the bundle is served, relative to the admin page. */
export const BUNDLE_FOLDER = 'cms';
export const BUNDLE_ENTRY = 'main.js';

const FONT_CDN = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[\d.]+\/([a-z0-9-]+)\.woff2/g;

/** Sveltia's npm build (`npm/index.js`) and the folder of files it loads by URL (`npm/assets/`). */
export function sveltiaPaths(root: string): { entry: string; assets: string } {
  const entry = createRequire(join(root, 'package.json')).resolve('@sveltia/cms');
  return { entry, assets: join(dirname(entry), 'assets') };
}

/** Sveltia's CDN font addresses → the same fonts from its package, as the admin page sees them. */
export function localFontUrls(code: string, assetNames: readonly string[]): string {
  return code.replace(FONT_CDN, (url, family: string, subset: string) => {
    const file = assetNames.find((name) => name.startsWith(`${family}-${subset}-`) && name.endsWith('.woff2'));
    if (!file) throw new Error(`Sveltia CMS names the font ${url}, and its package has no copy of it; update localFontUrls() in src/lib/editor/bundle.ts`);
    return `${BUNDLE_FOLDER}/assets/${file}`;
  });
}

function localFonts(entry: string, assetNames: readonly string[]): Plugin {
  return {
    name: 'sveltia-local-fonts',
    setup(b) {
      b.onLoad({ filter: /\.js$/ }, (args) => {
        if (args.path !== entry) return undefined;
        return { contents: localFontUrls(readFileSync(args.path, 'utf8'), assetNames), loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/** Every file of the bundle by its path under /admin/cms/ (`main.js`, `chunk-….js`, `assets/….woff2`). */
export async function bundleEditor(root: string, data: EditorBundleData): Promise<Map<string, Uint8Array<ArrayBuffer>>> {
  const { entry, assets } = sveltiaPaths(root);
  const assetNames = readdirSync(assets).filter((name) => !name.endsWith('.map'));
  const outdir = join(root, 'node_modules/.cache/admin-bundle');
  const result = await build({
    entryPoints: { main: join(root, 'src/admin/main.ts') },
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    // Chunks sit beside main.js: Sveltia finds its fonts and workers at `assets/…` relative to its own file.
    chunkNames: '[name]-[hash]',
    outdir,
    write: false,
    define: { __EDITOR__: JSON.stringify(data) },
    plugins: [localFonts(entry, assetNames)],
    logLevel: 'silent',
  });
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  for (const file of result.outputFiles) files.set(relative(outdir, file.path).split(sep).join('/'), new Uint8Array(file.contents));
  for (const name of assetNames) files.set(`assets/${name}`, new Uint8Array(readFileSync(join(assets, name))));
  if (!files.has(BUNDLE_ENTRY)) throw new Error(`The editor bundle has no ${BUNDLE_ENTRY}`);
  return files;
}
