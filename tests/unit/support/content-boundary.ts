/**
 * The rule that keeps Astro's content entries inside src/data/: pages,
 * components, layouts, lib and integrations receive the post model and
 * summaries, never an entry. A module outside src/data/ may not import
 * `astro:content` (src/content.config.ts may import `defineCollection`, and
 * nothing else) nor read `entry` off an object, the way posts once carried
 * their raw entry (`post.entry.body`).
 *
 * It reads source as text: enough for the ways this code base writes imports
 * and property reads, without a parser per file type (.ts, .astro, .tsx).
 */

export interface SourceText {
  /** Path under src/, with forward slashes: `pages/index.astro`. */
  path: string;
  text: string;
}

export interface Violation {
  path: string;
  line: number;
  /** What was found, in a few words. */
  found: string;
}

const DATA_LAYER = 'data/';
const CONTENT_CONFIG = 'content.config.ts';

/** `import … from 'astro:content'`, `import 'astro:content'`, `import('astro:content')`, `export … from 'astro:content'`. */
const CONTENT_MODULE = /\b(?:from|import)\s*\(?\s*['"`]astro:content['"`]/g;

/** The one import content.config.ts may have. */
const DEFINE_COLLECTION_ONLY = /^import\s*\{\s*defineCollection\s*,?\s*\}\s*from\s*['"]astro:content['"]/;

const ENTRY_READS: { pattern: RegExp; found: string }[] = [
  { pattern: /\??\.entry\b/g, found: 'reads .entry' },
  { pattern: /\[\s*['"`]entry['"`]\s*\]/g, found: "reads ['entry']" },
  // `const { entry } = post`, `const { entry: e, … } = Astro.props`
  { pattern: /\{(?:[^{}]*[\s,])?entry\s*(?::[^,{}]*)?[,}][^{}]*?\}?\s*=(?![=>])/g, found: 'takes entry out of an object' },
];

/**
 * Comments blanked out (line breaks kept, so line numbers stay right): a
 * comment may talk about entries. `//` counts only after a space or at the
 * start of a line, so `https://` in a string stays.
 */
function withoutComments(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return text
    .replace(/\/\*[\s\S]*?\*\//g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/(^|[ \t])\/\/[^\n]*/gm, (m, lead: string) => lead + blank(m.slice(lead.length)));
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function contentImports(path: string, code: string): Violation[] {
  const out: Violation[] = [];
  for (const match of code.matchAll(CONTENT_MODULE)) {
    const line = lineAt(code, match.index);
    if (path === CONTENT_CONFIG) {
      const statement = code.slice(code.lastIndexOf('\n', match.index) + 1);
      if (DEFINE_COLLECTION_ONLY.test(statement)) continue;
      out.push({ path, line, found: 'imports more than defineCollection from astro:content' });
    } else {
      out.push({ path, line, found: 'imports astro:content' });
    }
  }
  return out;
}

function entryReads(path: string, code: string): Violation[] {
  return ENTRY_READS.flatMap(({ pattern, found }) =>
    [...code.matchAll(pattern)].map((m) => ({ path, line: lineAt(code, m.index), found })),
  );
}

/** Every place outside src/data/ that reaches for Astro's content entries, in file and line order. */
export function contentBoundaryViolations(files: readonly SourceText[]): Violation[] {
  return files
    .filter((f) => !f.path.startsWith(DATA_LAYER))
    .flatMap((f) => {
      const code = withoutComments(f.text);
      return [...contentImports(f.path, code), ...entryReads(f.path, code)];
    })
    .sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}

export function formatViolation(v: Violation): string {
  return `src/${v.path}:${v.line}  ${v.found}; only src/data/ knows Astro's content entries: take the post model or a summary from src/data/posts.ts instead`;
}
