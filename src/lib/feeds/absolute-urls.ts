/**
 * Feed readers show an item's HTML away from the site, where a relative link
 * or image has nothing to resolve against. So every URL in item HTML is made
 * absolute, against the post's own address (so `../other/` and `#sources`
 * mean what they mean on the page).
 *
 * The HTML is parsed with parse5 (the WHATWG algorithm), but only the changed
 * attributes are spliced into the original text: everything else stays byte
 * for byte as the site renders it.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { escapeHtml } from '../html.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Attributes that hold one URL, on any element. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite', 'action', 'background', 'longdesc']);

/** The address `value` points to from `base`; unchanged when it is not a URL we can resolve. */
export function absoluteUrl(value: string, base: string): string {
  const trimmed = value.trim();
  try {
    return new URL(trimmed, base).href;
  } catch {
    return value;
  }
}

/** A `srcset` with every candidate's URL made absolute, descriptors kept. */
export function absoluteSrcset(srcset: string, base: string): string {
  const candidates: string[] = [];
  const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
  let i = 0;
  // The HTML spec's candidate grammar: a URL (no whitespace; trailing commas end
  // it), then optional descriptors up to the next comma.
  while (i < srcset.length) {
    while (i < srcset.length && (isSpace(srcset[i]) || srcset[i] === ',')) i++;
    if (i >= srcset.length) break;
    const urlStart = i;
    while (i < srcset.length && !isSpace(srcset[i])) i++;
    let url = srcset.slice(urlStart, i);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      const descriptorStart = i;
      while (i < srcset.length && srcset[i] !== ',') i++;
      descriptor = srcset.slice(descriptorStart, i).trim();
    }
    const absolute = absoluteUrl(url, base);
    candidates.push(descriptor ? `${absolute} ${descriptor}` : absolute);
  }
  return candidates.join(', ');
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function collectEdits(node: Node, base: string, edits: Edit[]): void {
  if (isElement(node)) {
    const locations = node.sourceCodeLocation?.attrs ?? {};
    for (const attr of node.attrs) {
      if (attr.prefix && attr.prefix !== 'xlink') continue;
      const name = attr.name;
      let next: string | undefined;
      if (URL_ATTRIBUTES.has(name) || (name === 'data' && node.tagName === 'object')) next = absoluteUrl(attr.value, base);
      else if (name === 'srcset') next = absoluteSrcset(attr.value, base);
      const at = locations[attr.prefix ? `${attr.prefix}:${name}` : name];
      if (next !== undefined && next !== attr.value && at) {
        edits.push({
          start: at.startOffset,
          end: at.endOffset,
          text: `${attr.prefix ? `${attr.prefix}:` : ''}${name}="${escapeHtml(next)}"`,
        });
      }
    }
    if (node.tagName === 'template' && 'content' in node) collectEdits(node.content as Node, base, edits);
  }
  if ('childNodes' in node) for (const child of node.childNodes) collectEdits(child, base, edits);
}

/**
 * `html` with every URL attribute (`href`, `src`, `srcset`, `poster`, …) made
 * absolute against `pageUrl`, the absolute address of the page the HTML belongs to.
 */
export function absolutizeHtml(html: string, pageUrl: string): string {
  return absolutizeParsed(html, pageUrl).html;
}

/**
 * absolutizeHtml, also handing back the parsed fragment (of the HTML as
 * given: only attribute values differ from the result), for a caller that
 * reads the same HTML's text and need not parse it twice.
 */
export function absolutizeParsed(html: string, pageUrl: string): { html: string; fragment: DefaultTreeAdapterMap['documentFragment'] } {
  const fragment = parseFragment(html, { sourceCodeLocationInfo: true });
  const edits: Edit[] = [];
  collectEdits(fragment, pageUrl, edits);
  let out = html;
  // From the end, so earlier offsets stay valid.
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return { html: out, fragment };
}
