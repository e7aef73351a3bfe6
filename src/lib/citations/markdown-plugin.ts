/**
 * Markdown processor (Sätteri) plugin: turns `[@key]` markers in a post's text
 * into author–date links to the source's entry in the Sources list
 * (src/components/Sources.astro), each with an id the entry links back to.
 *
 * It runs on the Markdown tree (mdast), where code spans and code blocks are
 * nodes of their own, so a marker inside code is never touched. It reads the
 * post's raw frontmatter, which Astro hands every Sätteri plugin as
 * `data.astro.frontmatter`; keys and labels come from the same functions the
 * content check uses. A marker naming a key no citation has stays as written:
 * the content check reports it, and the page shows the writer what is wrong.
 */
import type { MdastPluginEntry, MdastVisitorContext, PluginFactoryContext } from 'satteri';
import type { Parents, Text } from 'mdast';
import { citationKeys, markerAnchor, sourceAnchor, type KeySource } from '../../schema/citation-keys.ts';
import { findMarkersInText } from './markers.ts';
import { inTextLabels, markerPieces, type InTextLabel } from './in-text.ts';

type MdastPhrasing =
  | { type: 'text'; value: string }
  | { type: 'link'; url: string; children: { type: 'text'; value: string }[]; data: { hProperties: Record<string, unknown> } };

/** The mdast nodes that replace one text node, or undefined when it holds no marker we can render. */
export function citeText(
  value: string,
  labels: ReadonlyMap<string, InTextLabel>,
  occurrences: Map<string, number>,
): MdastPhrasing[] | undefined {
  const markers = findMarkersInText(value).filter((m) => m.items.every((item) => labels.has(item.key)));
  if (!markers.length) return undefined;
  const out: MdastPhrasing[] = [];
  let at = 0;
  const text = (v: string) => {
    if (!v) return;
    const last = out.at(-1);
    if (last?.type === 'text') last.value += v;
    else out.push({ type: 'text', value: v });
  };
  for (const marker of markers) {
    text(value.slice(at, marker.offset));
    for (const piece of markerPieces(marker, labels, occurrences)) {
      if (!('key' in piece)) {
        text(piece.text);
        continue;
      }
      out.push({
        type: 'link',
        url: `#${sourceAnchor(piece.key)}`,
        children: [{ type: 'text', value: piece.text }],
        data: { hProperties: { id: markerAnchor(piece.key, piece.occurrence), className: ['citation'], role: 'doc-biblioref' } },
      });
    }
    at = marker.offset + marker.text.length;
  }
  text(value.slice(at));
  return out;
}

function insideLink(node: Readonly<Text>, ctx: MdastVisitorContext): boolean {
  for (let p: Readonly<Parents> | undefined = ctx.parent(node); p; p = ctx.parent(p)) {
    if (p.type === 'link' || p.type === 'linkReference') return true;
  }
  return false;
}

export function citationMarkers(): MdastPluginEntry {
  return (doc: PluginFactoryContext) => {
    const citations = (doc.data.astro as { frontmatter?: { citations?: unknown } } | undefined)?.frontmatter?.citations;
    // Most posts cite nothing: leave them out of the pipeline altogether.
    if (!Array.isArray(citations) || !citations.length || !doc.source.includes('@')) return null;
    const list = citations.filter((c): c is KeySource => typeof c === 'object' && c !== null);
    const keys = citationKeys(list);
    const labels = inTextLabels(list);
    const byKey = new Map(keys.map((k, i) => [k, labels[i]!]));
    const occurrences = new Map<string, number>();
    return {
      name: 'citation-markers',
      text(node, ctx) {
        if (!node.value.includes('@') || insideLink(node, ctx)) return;
        const replacement = citeText(node.value, byKey, occurrences);
        if (replacement) ctx.replaceNode(node, replacement);
      },
    };
  };
}
