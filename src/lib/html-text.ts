/**
 * The words of a post's HTML as plain text, for the JSON API's `plaintext`
 * (search indexes, newsletters, text-to-speech). parse5, a spec-compliant
 * parser, reads the HTML the way browsers do, so entities, raw HTML written in
 * Markdown and MDX output all come out as the reader sees them.
 */
import { parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';

function isElement(node: T.Node): node is T.Element {
  return 'tagName' in node;
}

function children(node: T.Node): T.ChildNode[] {
  return 'childNodes' in node ? node.childNodes : [];
}

/** Elements that start a new block of text. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tr',
  'ul',
]);
/** Elements whose text is not read. */
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math']);

/**
 * The words of an HTML fragment: one paragraph a block, separated by a blank
 * line, inline spacing collapsed, entities decoded. Images are skipped (they are
 * looked at, not read), as in the reading-time count.
 */
export function htmlToPlainText(html: string): string {
  return fragmentToPlainText(parseFragment(html));
}

/** htmlToPlainText of HTML parse5 has already parsed. */
export function fragmentToPlainText(fragment: T.DocumentFragment): string {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const text = current
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .join('\n')
      .trim();
    if (text) blocks.push(text);
    current = '';
  };
  const textOf = (node: T.Node): string =>
    node.nodeName === '#text'
      ? (node as T.TextNode).value
      : isElement(node) && SKIPPED.has(node.tagName)
        ? ''
        : children(node).map(textOf).join('');
  const walk = (node: T.Node) => {
    if (node.nodeName === '#text') {
      current += (node as T.TextNode).value.replace(/\s+/g, ' ');
      return;
    }
    if (!isElement(node)) {
      for (const child of children(node)) walk(child);
      return;
    }
    if (SKIPPED.has(node.tagName)) return;
    if (node.tagName === 'br') {
      current += '\n';
      return;
    }
    if (node.tagName === 'pre') {
      // Code keeps its lines and indentation.
      flush();
      const code = textOf(node).replace(/^\n/, '').trimEnd();
      if (code.trim()) blocks.push(code);
      return;
    }
    const block = BLOCKS.has(node.tagName);
    if (block) flush();
    for (const child of node.childNodes) walk(child);
    if (block) flush();
  };
  walk(fragment);
  flush();
  return blocks.join('\n\n');
}
