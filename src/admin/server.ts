/**
 * What the /admin/ routes (src/pages/admin/) serve, computed once per build:
 * the CMS configuration generated from the field description, and the bundled
 * script with the same description inside. Runs at build time (and under
 * `astro dev`), never in the browser.
 */
import { spawnSync } from 'node:child_process';
import { stringify } from 'yaml';
import { getAuthors, getPosts } from '../data/blog.ts';
import { bundleEditor } from '../lib/editor/bundle.ts';
import { authorEditorFields, postEditorFields } from '../lib/editor/collections.ts';
import { cmsConfig, SVELTIA_SCHEMA_URL } from '../lib/editor/sveltia-config.ts';
import { repositoryFrom, type Repository } from '../lib/editor/repository.ts';
import { site } from '../site.config.ts';
import siteCss from '../styles/global.css?raw';
import type { EditorBundleData } from './main.ts';

/** The content folder in the repository the editor writes to (CONTENT_DIR only moves the site's build input). */
const REPOSITORY_CONTENT_FOLDER = 'content';

function gitRemote(): string | undefined {
  const result = spawnSync('git', ['config', '--get', 'remote.origin.url'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout : undefined;
}

let repository: Repository | undefined;
function editorRepository(): Repository {
  if (!repository) {
    repository = repositoryFrom(process.env, process.env.CMS_REPOSITORY || process.env.GITHUB_REPOSITORY ? undefined : gitRemote());
    if (repository.source === 'none') {
      console.warn('[admin] No GitHub repository known for the editor at /admin/: set CMS_REPOSITORY=owner/name when building (the publish workflow sets it itself).');
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
  return { posts: postEditorFields({ timeZone: site.timezone, tags }), authors: authorEditorFields({ timeZone: site.timezone }), authorNames };
}

/** /admin/config.yml: generated, with a note saying so and the schema it follows. */
export async function configYaml(): Promise<string> {
  const { posts, authors } = await fields();
  const repo = editorRepository();
  const config = cmsConfig({
    repository: repo.name,
    branch: repo.branch,
    siteUrl: new URL(site.base, site.url).href,
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
  bundle ??= fields().then(({ posts, authors, authorNames }) => {
    const data: EditorBundleData = {
      posts,
      authors,
      preview: { timeZone: site.timezone, locale: site.lang, authorNames },
      css: siteCss,
    };
    return bundleEditor(process.cwd(), data);
  });
  return bundle;
}
