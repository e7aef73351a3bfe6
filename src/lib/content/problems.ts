/**
 * Problems found in content, in the words a marketer needs: which file and line,
 * which field, what is wrong and how to fix it.
 */
import type { z } from 'zod';
import { didYouMean } from '../suggest.ts';
import type { Problem } from './types.ts';

export function fieldLabel(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += ` #${seg + 1}`;
    else out += `${out ? ' → ' : ''}${String(seg)}`;
  }
  return out;
}

/** One line per problem: `content/posts/x.md:4  date  "yesterday" is not a date; write …`. */
export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}`;
  return p.field ? `${where}  ${p.field}  ${p.message}` : `${where}  ${p.message}`;
}

export function formatReport(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const parts: string[] = [];
  if (errors.length) parts.push(`${errors.length} error${errors.length === 1 ? '' : 's'}:`, ...errors.map((p) => `  ${formatProblem(p)}`));
  if (warnings.length) {
    if (parts.length) parts.push('');
    parts.push(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`, ...warnings.map((p) => `  ${formatProblem(p)}`));
  }
  return parts.join('\n');
}

/**
 * Zod's own wording for limits the schemas leave without a custom message
 * ("Too big: expected string to have <=80 characters") in plain words.
 */
function plainSize(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code !== 'too_big' && issue.code !== 'too_small') return undefined;
  if (!/^Too (big|small):/.test(issue.message)) return undefined;
  const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  if (issue.origin === 'number' || issue.origin === 'int') {
    const inclusive = issue.inclusive !== false;
    return issue.code === 'too_big' ? `must be ${inclusive ? 'at most' : 'less than'} ${limit}` : `must be ${inclusive ? 'at least' : 'more than'} ${limit}`;
  }
  const unit = issue.origin === 'string' ? 'characters' : issue.origin === 'array' ? 'entries' : '';
  if (issue.code === 'too_big') return `is too long; use at most ${limit}${unit ? ` ${unit}` : ''}`;
  return limit <= 1 && issue.origin === 'string' ? 'is empty; fill it in or remove the line' : `is too short; use at least ${limit}${unit ? ` ${unit}` : ''}`;
}

function describeType(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_type') return issue.message;
  if (/received undefined/.test(issue.message)) return 'is missing; add it';
  const expected = issue.expected;
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a group of fields',
    date: 'a date',
  };
  return `must be ${words[expected] ?? expected}`;
}

/** Turn zod issues into problems, with lines from the source file. */
export function problemsFromZod(
  file: string,
  error: z.ZodError,
  lineOf: (path: readonly PropertyKey[]) => number,
  knownKeys: (path: readonly PropertyKey[]) => string[],
): Problem[] {
  const out: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = knownKeys(issue.path);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        out.push({
          file,
          line: lineOf(path),
          field: fieldLabel(path),
          message: `is not a field here.${didYouMean(key, allowed) || (allowed.length ? ` Known fields: ${allowed.join(', ')}.` : '')} Rename or remove it`,
          severity: 'error',
        });
      }
      continue;
    }
    const message = issue.message.startsWith('Invalid input') ? describeType(issue) : plainSize(issue) ?? issue.message;
    out.push({ file, line: lineOf(issue.path), field: fieldLabel(issue.path), message, severity: 'error' });
  }
  return out;
}
