/**
 * The editor at /admin/: Sveltia CMS from its npm package, with the project's
 * file format (src/lib/editor/post-file.ts) and a preview in the site's style.
 * Bundled by src/lib/editor/bundle.ts when the site is built; `__EDITOR__` is
 * filled in then, from the same field description as /admin/config.yml.
 */
import CMS from '@sveltia/cms';
import type { EditorBundleData } from '../lib/editor/bundle.ts';
import { EntryFileFormat } from '../lib/editor/post-file.ts';
import { AUTHOR_FORMAT, POST_FORMAT } from '../lib/editor/sveltia-config.ts';
import { skipGitHubStatusCheck } from './github-status.ts';
import { postPreview } from './preview.ts';

declare const __EDITOR__: EditorBundleData;

const posts = new EntryFileFormat(__EDITOR__.posts, 'markdown');
const authors = new EntryFileFormat(__EDITOR__.authors, 'yaml');

CMS.registerCustomFormat(POST_FORMAT, 'md', { fromFile: (text) => posts.fromFile(text), toFile: (data) => posts.toFile(data) });
CMS.registerCustomFormat(AUTHOR_FORMAT, 'yaml', { fromFile: (text) => authors.fromFile(text), toFile: (data) => authors.toFile(data) });
CMS.registerPreviewStyle(__EDITOR__.css, { raw: true });
CMS.registerPreviewTemplate('posts', postPreview(__EDITOR__.preview));
skipGitHubStatusCheck();
void CMS.init();
