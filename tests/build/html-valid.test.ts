/**
 * Every HTML file of the built fixture sites passes the W3C Nu HTML Checker
 * (npm vnu-jar, run on Debian's Java). One Java start per site keeps it quick.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDist, siteDir } from '../support/dist.ts';

const VNU = join(createRequire(import.meta.url).resolve('vnu-jar/package.json'), '..', 'build/dist/vnu.jar');

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

function validate(dir: string): { files: number; errors: string[] } {
  const files = listDist(dir)
    .filter((p) => p.endsWith('.html'))
    .map((p) => join(dir, p));
  const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`Could not run Java for the HTML checker (apt-get install default-jre-headless): ${run.error.message}`);
  const report = JSON.parse(run.stderr || run.stdout || '{"messages":[]}') as { messages: VnuMessage[] };
  const errors = report.messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => `${m.url.replace(`file:${dir}/`, '')}:${m.lastLine ?? '?'}  ${m.message}${m.extract ? `\n    ${m.extract.trim()}` : ''}`);
  return { files: files.length, errors };
}

describe('HTML validity (W3C Nu HTML Checker)', () => {
  it('finds the checker', () => {
    expect(existsSync(VNU), `${VNU} is missing; run npm ci`).toBe(true);
  });

  for (const name of ['site', 'base', 'empty', 'hostile']) {
    it(`finds no errors in any page of the "${name}" fixture site`, () => {
      const { files, errors } = validate(siteDir(name));
      expect(files).toBeGreaterThan(0);
      expect(errors, errors.join('\n')).toEqual([]);
    });
  }
});
