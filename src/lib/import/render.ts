/**
 * An imported post's file: frontmatter written from the post schema (the
 * scaffolder's renderer), proposed citations and reasons for holding it as a
 * draft as YAML comments, and the body. `importedFrom.hash` fingerprints the
 * file as written, so a later import can tell whether anyone has edited it.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { renderFrontmatter } from '../authoring/frontmatter.ts';
import { PLACEHOLDER_MARK } from '../authoring/template.ts';
import type { DoiLink } from './html-to-markdown.ts';

/** The hash line inside `importedFrom:`, as renderPost writes it (quoted: a hash of digits alone would read as a number). */
const HASH_LINE = /^( {2}hash: )"([0-9a-f]{16})"$/m;
/** All digits, so the frontmatter writer quotes it like any hash. */
const UNSET = '0'.repeat(16);

export interface PostFile {
  /** Frontmatter values, any order (written in the schema's). `importedFrom.hash` is filled in here. */
  values: Record<string, unknown> & { importedFrom: { source: string } };
  /** Why the post is a draft; written as comments at the top. */
  draftReasons: readonly string[];
  dois: readonly DoiLink[];
  body: string;
}

/** Sources found in the text, as citations the writer completes: commented, so the file checks clean until then. */
export function proposedCitations(dois: readonly DoiLink[]): string[] {
  if (!dois.length) return [];
  const lines = [
    '',
    `Sources linked in the post: complete each (${PLACEHOLDER_MARK}), then remove the "# " before these lines.`,
    'citations:',
  ];
  for (const { doi, text } of dois) {
    const year = /\b(19|20)\d{2}\b/.exec(text)?.[0];
    lines.push(
      `  - authors: ["${PLACEHOLDER_MARK} Family, G. I."]`,
      `    year: ${year ?? `${PLACEHOLDER_MARK} year`}`,
      `    title: ${PLACEHOLDER_MARK} the article's title`,
      `    container: ${PLACEHOLDER_MARK} the journal`,
      `    doi: ${doi}${text ? `  # linked as ${JSON.stringify(text)}` : ''}`,
    );
  }
  return lines;
}

function draftComments(reasons: readonly string[]): string[] {
  if (!reasons.length) return [];
  return ['', 'Held as a draft by the import. Fix these, then remove `draft: true`:', ...reasons.map((r) => `- ${r.replace(/\n/g, ' ')}`)];
}

/** The fingerprint of a post file, read without its own hash value. */
export function importHash(text: string): string {
  return createHash('sha256').update(text.replace(HASH_LINE, '$1""')).digest('hex').slice(0, 16);
}

/** The hash the import recorded in the file, if any. */
export function recordedHash(text: string): string | undefined {
  return HASH_LINE.exec(text)?.[2];
}

/** True when the file is not what the import wrote: edited by a person, or never imported. */
export function editedSinceImport(text: string): boolean {
  const recorded = recordedHash(text);
  return recorded === undefined || recorded !== importHash(text);
}

export function renderPost(schema: z.ZodType, post: PostFile): string {
  const values = { ...post.values, importedFrom: { source: post.values.importedFrom.source, hash: UNSET } };
  const comments = [...draftComments(post.draftReasons), ...proposedCitations(post.dois)].map((l) => l.trimEnd());
  const text = `${renderFrontmatter(schema, values, { hints: false, comments })}\n${post.body.trim()}\n`;
  if (!HASH_LINE.test(text)) throw new Error('renderPost: the frontmatter writer no longer writes importedFrom.hash as expected');
  return text.replace(HASH_LINE, `$1"${importHash(text)}"`);
}
