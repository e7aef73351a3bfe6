/**
 * How a marker reads on the page: APA 7 author–date, matching the APA
 * reference list under the post. `[@crane2012]` becomes "(Crane et al., 2012)",
 * with the name and year a link to the source's entry in that list.
 */
import { familyName, type KeySource } from '../../schema/citation-keys.ts';
import type { CitationMarker } from './markers.ts';

export interface InTextLabel {
  /** "Crane et al.", "Crane & Tarnopolsky", "World Health Organization". */
  names: string;
  /** "2012", or "2012a" when two sources share names and year. */
  year: string;
}

function authorsOf(c: KeySource): string[] {
  return Array.isArray(c.authors) ? c.authors.filter((a): a is string => typeof a === 'string' && a.trim() !== '') : [];
}

/** APA 7's parenthetical form: one name, two joined by "&", or the first and "et al.". */
export function citedNames(authors: readonly string[]): string {
  const names = authors.map(familyName);
  if (names.length === 0) return 'Anonymous';
  if (names.length === 1) return names[0]!;
  if (names.length === 2) return `${names[0]} & ${names[1]}`;
  return `${names[0]} et al.`;
}

/** One label per citation, in order; same names and year get a, b, … in list order. */
export function inTextLabels(citations: readonly KeySource[]): InTextLabel[] {
  const labels = citations.map((c) => ({
    names: citedNames(authorsOf(c)),
    year: typeof c.year === 'number' || typeof c.year === 'string' ? String(c.year) : 'n.d.',
  }));
  const groups = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const id = `${l.names}\u0000${l.year}`;
    groups.set(id, [...(groups.get(id) ?? []), i]);
  });
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    members.forEach((i, n) => (labels[i]!.year += String.fromCharCode(97 + (n % 26))));
  }
  return labels;
}

export type MarkerPiece = { text: string } | { key: string; text: string; occurrence: number };

/**
 * A marker as the pieces of its rendering: "(" "see " [Crane et al., 2012] ", p. 4" ")".
 * `occurrence` numbers each key's citations in the order they are rendered.
 */
export function markerPieces(
  marker: CitationMarker,
  labels: ReadonlyMap<string, InTextLabel>,
  occurrences: Map<string, number>,
): MarkerPiece[] {
  const pieces: MarkerPiece[] = [{ text: '(' }];
  marker.items.forEach((item, i) => {
    const label = labels.get(item.key)!;
    if (i > 0) pieces.push({ text: '; ' });
    if (item.prefix) pieces.push({ text: `${item.prefix} ` });
    const occurrence = (occurrences.get(item.key) ?? 0) + 1;
    occurrences.set(item.key, occurrence);
    pieces.push({ key: item.key, text: item.suppressAuthor ? label.year : `${label.names}, ${label.year}`, occurrence });
    if (item.suffix) pieces.push({ text: /^[\s,;:.]/.test(item.suffix) ? item.suffix : ` ${item.suffix}` });
  });
  pieces.push({ text: ')' });
  return mergeText(pieces);
}

function mergeText(pieces: MarkerPiece[]): MarkerPiece[] {
  const out: MarkerPiece[] = [];
  for (const p of pieces) {
    const last = out.at(-1);
    if (last && !('key' in last) && !('key' in p)) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}
