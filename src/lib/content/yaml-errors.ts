/**
 * What a YAML parser error means to someone who writes posts, not YAML: on the
 * line where the slip is, naming the field on that line, with the fix. The
 * parser's own words ("Nested mappings are not allowed in compact mappings")
 * only go at the end, for whoever needs them.
 */
import type { ErrorCode } from 'yaml';

export interface YamlSlip {
  /** 1-based line in the YAML text. */
  line: number;
  code: ErrorCode;
  parserMessage: string;
}

export interface ExplainedSlip {
  line: number;
  /** The field the line belongs to, if the line starts with one. */
  field: string;
  message: string;
}

const KEY = /^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:(\s|$)/;

/** The value after `key:` quoted as YAML wants text with a colon in it. */
function quoted(line: string): string | undefined {
  const m = /^(\s*(?:-\s+)?[A-Za-z_][\w-]*\s*:\s*)(.+?)\s*$/.exec(line);
  if (!m || /^["']/.test(m[2]!)) return undefined;
  return `${m[1]}${JSON.stringify(m[2])}`.trim();
}

export function explainYamlSlip(slip: YamlSlip, lines: readonly string[]): ExplainedSlip {
  const text = lines[slip.line - 1] ?? '';
  const field = KEY.exec(text)?.[1] ?? '';
  const words = slip.parserMessage.split('\n')[0]!.replace(/\.$/, '');
  let message: string;
  switch (slip.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      const fix = quoted(text);
      message = /:\s/.test(text.replace(KEY, ''))
        ? `has a colon in its text, which YAML reads as a new field; put the whole text in double quotes${fix ? `: ${fix}` : ''}`
        : `is not valid YAML here (${words}); check the indentation of this line and the one above`;
      break;
    }
    case 'TAB_AS_INDENT':
      message = 'is indented with a tab; indent with spaces instead (two for each level)';
      break;
    case 'DUPLICATE_KEY':
      message = 'appears twice in this file; keep one of the two lines';
      break;
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_PROP_ORDER':
    case 'MULTIPLE_TAGS':
      message = `uses a YAML tag (a word after !!), which posts cannot use; remove it and write the value plainly`;
      break;
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
    case 'MULTIPLE_ANCHORS':
      message = 'uses a YAML anchor or alias (& or * at the start of a value), which posts cannot use; put the text in double quotes';
      break;
    case 'BAD_DQ_ESCAPE':
      message = 'has a backslash that YAML reads as an escape in double quotes; use single quotes around the text, or write \\\\ for one backslash';
      break;
    case 'MULTIPLE_DOCS':
      message = 'starts a second block of fields (a line of three dashes); the fields end at the second --- line only';
      break;
    default: {
      const fix = quoted(text);
      message = `is not valid YAML here (${words}); check the indentation, and put text with : # [ { & * ! or quotes in it between double quotes${fix ? `, like ${fix}` : ''}`;
    }
  }
  return { line: slip.line, field, message };
}

/** One message for each line: a slip often makes the parser complain twice about the same place. */
export function explainYamlSlips(slips: readonly YamlSlip[], lines: readonly string[]): ExplainedSlip[] {
  const seen = new Set<string>();
  const out: ExplainedSlip[] = [];
  for (const slip of slips) {
    const explained = explainYamlSlip(slip, lines);
    const key = `${explained.line}\u0000${explained.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(explained);
  }
  return out;
}
