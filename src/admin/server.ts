/**
 * What the /admin/ routes (src/pages/admin/) serve, computed once per build:
 * the CMS configuration generated from the field description, and the bundled
 * script with the same description inside. Runs at build time (and under
 * `astro dev`), never in the browser.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { getAuthors, getPosts } from '../data/posts.ts';
import { cachedBundle } from '../lib/editor/bundle.ts';
import { authorEditorFields, postEditorFields } from '../lib/editor/collections.ts';
import { cmsConfig, SVELTIA_SCHEMA_URL } from '../lib/editor/sveltia-config.ts';
import { repositoryFrom, type Repository } from '../lib/editor/repository.ts';
import { site } from '../site.config.ts';
import { urls } from '../site-urls.ts';
import siteCss from '../styles/global.css?raw';
import type { EditorBundleData } from '../lib/editor/bundle.ts';

/** The content folder in the repository the editor writes to (CONTENT_DIR only moves the site's build input). */
const REPOSITORY_CONTENT_FOLDER = 'content';

function gitRemote(): string | undefined {
  const result = spawnSync('git', ['config', '--get', 'remote.origin.url'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout : undefined;
}

let repository: Repository | undefined;
function editorRepository(): Repository {
  if (!repository) {
    repository = repositoryFrom(
      process.env,
      process.env.CMS_REPOSITORY || process.env.GITHUB_REPOSITORY ? undefined : gitRemote(),
      basename(process.cwd()),
    );
    if (repository.source === 'none') {
      console.warn(
        '[admin] No GitHub repository known for the editor at /admin/, so it can only open a local copy: set CMS_REPOSITORY=owner/name when building (the publish workflow sets it itself).',
      );
    }
  }
  return repository;
}

/**
 * What the editor offers from the content: the tags of the posts this build
 * publishes (a draft's or scheduled post's tags would give it away, since
 * /admin/config.yml is public), and the authors' names for the preview.
 */
async function contentFacts() {
  const [posts, authors] = await Promise.all([getPosts(), getAuthors()]);
  const tags = [...new Set(posts.flatMap((p) => p.tags))].sort();
  const authorNames = Object.fromEntries(authors.map((a) => [a.id, a.name]));
  return { tags, authorNames };
}

async function fields() {
  const { tags, authorNames } = await contentFacts();
  return {
    posts: postEditorFields({ timeZone: site.timezone, tags }),
    authors: authorEditorFields({ timeZone: site.timezone }),
    authorNames,
  };
}

/** /admin/config.yml: generated, with a note saying so and the schema it follows. */
export async function configYaml(): Promise<string> {
  const { posts, authors } = await fields();
  const repo = editorRepository();
  const config = cmsConfig({
    repository: repo.name,
    branch: repo.branch,
    siteUrl: urls.absolute(),
    siteTitle: site.title,
    contentFolder: REPOSITORY_CONTENT_FOLDER,
    posts,
    authors,
  });
  return [
    `# yaml-language-server: $schema=${SVELTIA_SCHEMA_URL}`,
    '# Generated from the zod schemas in src/schema/ by src/lib/editor/ when the site is built; edit those, not this file.',
    stringify(config, { lineWidth: 0 }),
  ].join('\n');
}

let bundle: Promise<Map<string, Uint8Array<ArrayBuffer>>> | undefined;

/** The editor's script and the files it loads, by path under /admin/cms/. */
export function editorBundle(): Promise<Map<string, Uint8Array<ArrayBuffer>>> {
  bundle ??= (async () => {
    const { posts, authors, authorNames } = await fields();
    const data: EditorBundleData = {
      posts,
      authors,
      preview: { timeZone: site.timezone, locale: site.lang, authorNames },
      css: siteCss,
    };
    // Astro's cache folder (ASTRO_CACHE_DIR, as astro.config.mjs has it): tests and the benchmark give each build its own.
    const cacheDir = join(process.env.ASTRO_CACHE_DIR || 'node_modules/.astro', 'admin-bundle');
    const files = await cachedBundle(process.cwd(), data, resolve(cacheDir));
    const unserved = [...files.keys()].filter(
      (path) => path.startsWith('assets/') && !ASSET_EXTENSIONS.some((ext) => path.endsWith(`.${ext}`)),
    );
    if (unserved.length)
      throw new Error(
        `Sveltia CMS now ships ${unserved.join(', ')}; add a route for the extension in src/pages/admin/cms/assets/ and to ASSET_EXTENSIONS`,
      );
    return files;
  })();
  return bundle;
}

/**
 * Kinds of file Sveltia's package loads by address, one route each under
 * src/pages/admin/cms/assets/: a route names its extension, so `astro dev` serves
 * it at its own address (the site's trailing-slash rule leaves such routes alone).
 */
export const ASSET_EXTENSIONS = ['js', 'wasm', 'png', 'woff2', 'txt'] as const;

/** A file's bytes as its incremental-build key: an unchanged bundle is copied from the last build, not served again. */
function bytesKey(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** getStaticPaths() for the bundle's scripts: `main.js` and the chunks it loads. */
export async function scriptPaths() {
  const files = [...(await editorBundle())].filter(([path]) => /^[^/]+\.js$/.test(path));
  return files.map(([path, bytes]) => ({ params: { file: path.slice(0, -'.js'.length) }, cacheKey: bytesKey(bytes) }));
}

/** getStaticPaths() for Sveltia's packaged files with this extension. */
export async function assetPaths(extension: (typeof ASSET_EXTENSIONS)[number]) {
  const files = [...(await editorBundle())].filter(([path]) => path.startsWith('assets/') && path.endsWith(`.${extension}`));
  return files.map(([path, bytes]) => ({
    params: { name: path.slice('assets/'.length, -(extension.length + 1)) },
    cacheKey: bytesKey(bytes),
  }));
}

/** Content types for `astro dev`, which sends none for an endpoint (a browser refuses a module script without one). */
const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  wasm: 'application/wasm',
  png: 'image/png',
  woff2: 'font/woff2',
  txt: 'text/plain; charset=utf-8',
};

function fileResponse(body: Uint8Array<ArrayBuffer> | undefined, extension: string): Response {
  if (!body) return new Response('Not found', { status: 404 });
  return new Response(body, { headers: { 'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream' } });
}

export async function scriptFile(name: string): Promise<Response> {
  return fileResponse((await editorBundle()).get(`${name}.js`), 'js');
}

export async function assetFile(name: string, extension: string): Promise<Response> {
  return fileResponse((await editorBundle()).get(`assets/${name}.${extension}`), extension);
}
