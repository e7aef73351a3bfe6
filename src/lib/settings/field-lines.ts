/**
 * The line each field of a settings object is written on, so a message about
 * a setting can say `file:line`. Reads a JSON file, and the object literal in
 * src/site.config.ts (unquoted keys, single quotes, comments, trailing commas).
 * It follows the structure only (keys, braces, brackets, commas), never the
 * values, and never throws: a field it cannot place gets its parent's line.
 */

interface Frame {
  path: PropertyKey[];
  array: boolean;
  /** The current element's index in an array. */
  index: number;
  /** The current key in an object. */
  key: string;
  /** In an object: the next word or string is a key (not a value). */
  expectKey: boolean;
  /** In an array: the current element's line is noted. */
  placed: boolean;
}

const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('\u0000');
const WORD = /[\w$.+-]/;

/**
 * Reads the object that starts at the first `{` at or after `start`, and
 * returns a lookup from a field's path (`['locations', 0, 'phone']`) to its
 * line, 1-based; the object's own line for the empty path or a path it lacks.
 */
export function fieldLines(text: string, start = 0): (path: readonly PropertyKey[]) => number {
  const lines = new Map<string, number>();
  let i = text.indexOf('{', start);
  if (i < 0) return () => 1;
  let line = text.slice(0, i).split('\n').length;
  const objectLine = line;
  const stack: Frame[] = [];
  const childPath = (f: Frame) => [...f.path, f.array ? f.index : f.key];
  /** A value starts here: in an array, that is where its element is. */
  const valueStarts = () => {
    const top = stack.at(-1);
    if (top?.array && !top.placed) {
      lines.set(pathKey(childPath(top)), line);
      top.placed = true;
    }
  };
  const keyFound = (key: string, at: number) => {
    const top = stack.at(-1)!;
    top.key = key;
    top.expectKey = false;
    lines.set(pathKey(childPath(top)), at);
  };

  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (/\s/.test(c)) continue;
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = (end < 0 ? text.length : end) - 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      line += text.slice(i, stop).split('\n').length - 1;
      i = stop - 1;
      continue;
    }
    const top = stack.at(-1);
    if (c === '"' || c === "'" || c === '`') {
      const at = line;
      let value = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j++) {
        if (text[j] === '\\') j++;
        if (text[j] === '\n') line++;
        value += text[j];
      }
      if (top && !top.array && top.expectKey) keyFound(value, at);
      else valueStarts();
      i = j;
      continue;
    }
    if (c === '{' || c === '[') {
      valueStarts();
      stack.push({ path: top ? childPath(top) : [], array: c === '[', index: 0, key: '', expectKey: c === '{', placed: false });
      continue;
    }
    if (c === '}' || c === ']') {
      stack.pop();
      if (!stack.length) break;
      continue;
    }
    if (c === ',') {
      if (top?.array) {
        top.index++;
        top.placed = false;
      } else if (top) top.expectKey = true;
      continue;
    }
    if (c === ':') continue;
    // A word: an unquoted key, or a value (a number, true, a name).
    let j = i;
    while (j + 1 < text.length && WORD.test(text[j + 1]!)) j++;
    if (top && !top.array && top.expectKey) keyFound(text.slice(i, j + 1), line);
    else valueStarts();
    i = j;
  }

  return (path) => {
    for (let n = path.length; n > 0; n--) {
      const found = lines.get(pathKey(path.slice(0, n)));
      if (found !== undefined) return found;
    }
    return objectLine;
  };
}
