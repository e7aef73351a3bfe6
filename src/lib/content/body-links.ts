/**
 * The links and pictures of a post's body, taken from the same Markdown parse
 * the build renders with (Sätteri's, as @astrojs/markdown-satteri and
 * @astrojs/mdx call it), so the check sees exactly what the page will have:
 * `![x](<./my runner.jpg>)`, a reference `[x][ref]` with its definition, a
 * link inside a table, but nothing inside code. Raw HTML (and, in MDX, JSX)
 * `<a href>` and `<img src>` are read from their tags. Line numbers are the
 * body's, counted from 0.
 */
import { markdownToMdast, mdxToMdast, type Features } from 'satteri';

export interface BodyLink {
  kind: 'link' | 'image';
  /**
   * How it is written: Markdown `[…](…)` or `![…](…)`; a reference `[…][ref]`
   * with its address on a `[ref]: …` line; an HTML or JSX tag.
   */
  syntax: 'markdown' | 'reference' | 'html';
  url: string;
  /** Alt text of a picture; undefined for an HTML <img> without an alt attribute. */
  alt?: string | undefined;
  /** 0-based index of the body line to fix: a reference link's definition, a reference picture's use. */
  index: number;
}

/** What the build turns on (astro.config.mjs leaves Astro's defaults: GFM and smart punctuation). */
const FEATURES: Features = { gfm: true, smartPunctuation: true };

interface Node {
  type: string;
  url?: string;
  alt?: string | null;
  value?: string;
  name?: string | null;
  identifier?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
}

const HTML_TAG = /<(a|img)\b([^>]*)>/gi;

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

/** `<a href>` and `<img src>` in a raw HTML block, comments blanked out (line breaks kept). */
function htmlLinks(html: string, firstIndex: number, out: BodyLink[]): void {
  const text = html.replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => c.replace(/[^\n]/g, ' '));
  for (const m of text.matchAll(HTML_TAG)) {
    const index = firstIndex + (text.slice(0, m.index).match(/\n/g)?.length ?? 0);
    const attrs = m[2]!;
    if (m[1]!.toLowerCase() === 'a') {
      const href = attribute(attrs, 'href');
      if (href !== undefined) out.push({ kind: 'link', syntax: 'html', url: href, index });
    } else {
      const src = attribute(attrs, 'src');
      if (src !== undefined) out.push({ kind: 'image', syntax: 'html', url: src, alt: attribute(attrs, 'alt'), index });
    }
  }
}

/** A JSX attribute's text: `src="x"`, or a plain string in braces, `src={"x"}`. */
function jsxAttribute(node: Node, name: string): string | undefined {
  const attr = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attr) return undefined;
  if (typeof attr.value === 'string') return attr.value;
  if (attr.value === null || attr.value === undefined) return '';
  const expression = (attr.value as { value?: string }).value ?? '';
  return /^\s*(["'`])([^"'`]*)\1\s*$/.exec(expression)?.[2];
}

function parse(body: string, format: 'md' | 'mdx'): Node | undefined {
  try {
    return (format === 'mdx' ? mdxToMdast(body, { features: FEATURES }) : markdownToMdast(body, { features: FEATURES })) as Node;
  } catch {
    // MDX that does not parse is an error of its own (mdx-check.ts); there is nothing to follow.
    return undefined;
  }
}

export function findLinks(body: string, format: 'md' | 'mdx'): BodyLink[] {
  const tree = parse(body, format);
  if (!tree) return [];
  const definitions = new Map<string, Node>();
  const references: Node[] = [];
  const out: BodyLink[] = [];
  const visit = (node: Node) => {
    const index = (node.position?.start.line ?? 1) - 1;
    switch (node.type) {
      case 'image':
        out.push({ kind: 'image', syntax: 'markdown', url: node.url ?? '', alt: node.alt ?? '', index });
        break;
      case 'link':
        out.push({ kind: 'link', syntax: 'markdown', url: node.url ?? '', index });
        break;
      case 'definition':
        if (node.identifier && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
        break;
      case 'imageReference':
      case 'linkReference':
        references.push(node);
        break;
      case 'html':
        if (node.value) htmlLinks(node.value, index, out);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        if (node.name === 'a') {
          const href = jsxAttribute(node, 'href');
          if (href !== undefined) out.push({ kind: 'link', syntax: 'html', url: href, index });
        } else if (node.name === 'img') {
          const src = jsxAttribute(node, 'src');
          if (src !== undefined) out.push({ kind: 'image', syntax: 'html', url: src, alt: jsxAttribute(node, 'alt'), index });
        }
        break;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  // A reference the parser matched to a definition (an unmatched one stays text on the page).
  // A link's address is fixed where it is written, on the definition's line (once, however
  // often it is used); a picture is fixed where it stands, by writing it in place.
  const linked = new Set<Node>();
  for (const ref of references) {
    const definition = definitions.get(ref.identifier ?? '');
    if (!definition) continue;
    if (ref.type === 'imageReference') {
      out.push({ kind: 'image', syntax: 'reference', url: definition.url ?? '', alt: ref.alt ?? '', index: (ref.position?.start.line ?? 1) - 1 });
    } else if (!linked.has(definition)) {
      linked.add(definition);
      out.push({ kind: 'link', syntax: 'reference', url: definition.url ?? '', index: (definition.position?.start.line ?? 1) - 1 });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
