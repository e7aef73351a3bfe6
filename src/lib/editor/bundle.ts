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
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import type { EditorField } from './fields.ts';
import type { PreviewContext } from './preview.ts';

/** What the build hands the editor's script (its `__EDITOR__`): the field descriptions, the preview's context and style. */
export interface EditorBundleData {
  posts: EditorField[];
  authors: EditorField[];
  preview: PreviewContext;
  /** The site's stylesheet, for the preview pane. */
  css: string;
}

/** Where the bundle is served, relative to the admin page. */
export const BUNDLE_FOLDER = 'cms';
export const BUNDLE_ENTRY = 'main.js';

const FONT_CDN = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[\d.]+\/([a-z0-9-]+)\.woff2/g;

/** Sveltia's npm build (`npm/index.js`) and the folder of files it loads by URL (`npm/assets/`). */
export function sveltiaPaths(root: string): { script: string; assets: string } {
  const script = createRequire(join(root, 'package.json')).resolve('@sveltia/cms');
  return { script, assets: join(dirname(script), 'assets') };
}

/** Sveltia's CDN font addresses → the same fonts from its package, as the admin page sees them. */
export function localFontUrls(code: string, assetNames: readonly string[]): string {
  return code.replace(FONT_CDN, (url, family: string, subset: string) => {
    const file = assetNames.find((name) => name.startsWith(`${family}-${subset}-`) && name.endsWith('.woff2'));
    if (!file)
      throw new Error(
        `Sveltia CMS names the font ${url}, and its package has no copy of it; update localFontUrls() in src/lib/editor/bundle.ts`,
      );
    return `${BUNDLE_FOLDER}/assets/${file}`;
  });
}

function localFonts(script: string, assetNames: readonly string[]): Plugin {
  return {
    name: 'sveltia-local-fonts',
    setup(b) {
      b.onLoad({ filter: /\.js$/ }, (args) => {
        if (args.path !== script) return undefined;
        return { contents: localFontUrls(readFileSync(args.path, 'utf8'), assetNames), loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/**
 * The code-highlighting grammars (some 240 files, 11 MB) are left out: the site
 * shows code blocks without colours, so the editor need not colour them either.
 * A code block in a post is edited as plain text.
 */
function withoutGrammars(): Plugin {
  return {
    name: 'no-code-grammars',
    setup(b) {
      b.onResolve({ filter: /^@shikijs\/langs\/./ }, () => ({ path: 'no-grammars', namespace: 'no-grammars' }));
      b.onLoad({ filter: /.*/, namespace: 'no-grammars' }, () => ({ contents: 'export default [];', loader: 'js' }));
    },
  };
}

/** Every file of the bundle by its path under /admin/cms/ (`main.js`, `chunk-….js`, `assets/….woff2`). */
export async function bundleEditor(root: string, data: EditorBundleData): Promise<Map<string, Uint8Array<ArrayBuffer>>> {
  const { script, assets } = sveltiaPaths(root);
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
    plugins: [localFonts(script, assetNames), withoutGrammars()],
    logLevel: 'silent',
  });
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  for (const file of result.outputFiles) files.set(relative(outdir, file.path).split(sep).join('/'), new Uint8Array(file.contents));
  for (const name of assetNames) files.set(`assets/${name}`, new Uint8Array(readFileSync(join(assets, name))));
  if (!files.has(BUNDLE_ENTRY)) throw new Error(`The editor bundle has no ${BUNDLE_ENTRY}`);
  return files;
}

/** The sources a bundle is made from besides its data: our code it imports, and every package's version. */
const BUNDLE_SOURCES = ['src/admin', 'src/lib', 'src/schema', 'package-lock.json'];

function hashTree(hash: ReturnType<typeof createHash>, root: string, path: string): void {
  const full = join(root, path);
  if (!existsSync(full)) return;
  if (statSync(full).isDirectory()) {
    for (const name of readdirSync(full).sort()) hashTree(hash, root, `${path}/${name}`);
    return;
  }
  hash.update(path);
  hash.update(readFileSync(full));
}

/** The key of a bundle: a digest of its data and of everything in BUNDLE_SOURCES. */
export function bundleKey(root: string, data: EditorBundleData): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(data));
  for (const source of BUNDLE_SOURCES) hashTree(hash, root, source);
  return hash.digest('hex').slice(0, 32);
}

/**
 * The bundle for `data`, from `cacheDir` when one with the same key is there,
 * else made and kept there (written aside, then renamed, so a half-written
 * bundle is never read). Other bundles in the folder are removed.
 */
export async function cachedBundle(root: string, data: EditorBundleData, cacheDir: string): Promise<Map<string, Uint8Array<ArrayBuffer>>> {
  const key = bundleKey(root, data);
  const dir = join(cacheDir, key);
  const manifest = join(dir, 'files.json');
  if (existsSync(manifest)) {
    const names = JSON.parse(readFileSync(manifest, 'utf8')) as string[];
    return new Map(names.map((name) => [name, new Uint8Array(readFileSync(join(dir, 'files', name)))]));
  }
  const files = await bundleEditor(root, data);
  const aside = `${dir}.${process.pid}.tmp`;
  rmSync(aside, { recursive: true, force: true });
  for (const [name, contents] of files) {
    mkdirSync(dirname(join(aside, 'files', name)), { recursive: true });
    writeFileSync(join(aside, 'files', name), contents);
  }
  writeFileSync(join(aside, 'files.json'), JSON.stringify([...files.keys()]));
  try {
    renameSync(aside, dir);
    for (const other of readdirSync(cacheDir))
      if (other !== key && !other.endsWith('.tmp')) rmSync(join(cacheDir, other), { recursive: true, force: true });
  } catch {
    // Another build kept the same bundle first.
    rmSync(aside, { recursive: true, force: true });
  }
  return files;
}
