/**
 * A short, stable digest of plain data: the same data gives the same
 * fingerprint in any build, on any machine, whatever order object keys were
 * written in. Incremental builds key every page by the fingerprint of what it
 * renders (src/data/route-keys.ts), so two values that would render
 * differently must never share one: every own enumerable property counts,
 * dates by their instant, Maps and Sets by their entries; undefined and
 * missing are the same (as in JSON). A function cannot be fingerprinted and
 * throws, naming where it was found.
 */
import { createHash } from 'node:crypto';

// Objects seen before are digested once: a build passes the same post objects
// to many pages (lists, neighbours, related posts). Data is not changed after
// it is loaded, which is what makes remembering safe.
const memo = new WeakMap<object, string>();
const inProgress = new Set<object>();

function sha(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

function encode(value: unknown, path: string): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      // JSON writes NaN and Infinity as null; keep them apart.
      return Number.isFinite(value) ? String(value) : `N(${String(value)})`;
    case 'boolean':
      return String(value);
    case 'bigint':
      return `B(${value})`;
    case 'function':
    case 'symbol':
      throw new TypeError(`fingerprint: a ${typeof value} cannot be part of a page's data (at ${path})`);
  }
  const object = value as object;
  const known = memo.get(object);
  if (known) return known;
  if (inProgress.has(object)) throw new TypeError(`fingerprint: data that contains itself cannot be fingerprinted (at ${path})`);
  inProgress.add(object);
  try {
    const out = encodeObject(object, path);
    memo.set(object, out);
    return out;
  } finally {
    inProgress.delete(object);
  }
}

function encodeObject(object: object, path: string): string {
  let text: string;
  if (object instanceof Date) text = `D(${Number.isNaN(object.getTime()) ? 'invalid' : object.toISOString()})`;
  else if (Array.isArray(object)) text = `[${object.map((v, i) => encode(v, `${path}[${i}]`)).join(',')}]`;
  else if (object instanceof Map) text = `M${encode([...object], path)}`;
  else if (object instanceof Set) text = `S${encode([...object], path)}`;
  else if (object instanceof URL) text = `U${JSON.stringify(object.href)}`;
  else {
    const keys = Object.keys(object).sort();
    const parts: string[] = [];
    for (const key of keys) {
      const v = (object as Record<string, unknown>)[key];
      if (v === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${encode(v, `${path}.${key}`)}`);
    }
    text = `{${parts.join(',')}}`;
  }
  // Short texts stay as they are; longer ones are replaced by their digest.
  // Tagged forms (D(…), H(…), M[…]) start with a letter, so no string, number
  // or plain object or array can encode the same way.
  return text.length > 64 ? `H(${sha(text)})` : text;
}

/** A 43-character digest (sha256, base64url) of `value`. */
export function fingerprint(value: unknown): string {
  return sha(encode(value, 'value'));
}
