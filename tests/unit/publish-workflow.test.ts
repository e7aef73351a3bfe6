/** The hourly publishing workflow: what the studio relies on for "dated tomorrow, live tomorrow". */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/paths.ts';

interface Step { name?: string; run?: string; uses?: string; env?: Record<string, string> }
const workflow = parse(readFileSync(join(ROOT, '.github/workflows/publish.yml'), 'utf8')) as {
  on: { schedule: { cron: string }[]; push: { branches: string[] } };
  concurrency: { 'cancel-in-progress': boolean };
  env?: Record<string, string>;
  jobs: { publish: { env: Record<string, string>; steps: Step[] } };
};
const steps = workflow.jobs.publish.steps;

describe('publish.yml', () => {
  it('runs every hour at a minute off the top of the hour, and on pushes to main', () => {
    expect(workflow.on.schedule).toHaveLength(1);
    const [minute, ...rest] = workflow.on.schedule[0]!.cron.split(/\s+/);
    expect(rest).toEqual(['*', '*', '*', '*']);
    expect(Number(minute)).toBeGreaterThanOrEqual(5);
    expect(Number(minute)).toBeLessThanOrEqual(55);
    expect(Number(minute) % 15).not.toBe(0);
    expect(workflow.on.push.branches).toEqual(['main']);
  });

  it('checks, then builds with the clock as "now", then deploys', () => {
    const runs = steps.map((s) => s.run ?? '');
    const at = (command: string) => runs.findIndex((r) => r.includes(command));
    expect(at('npm run check')).toBeGreaterThan(at('npm ci'));
    expect(at('npm run build')).toBeGreaterThan(at('npm run check'));
    expect(steps.at(-1)!.name).toBe("Deploy dist/ to the studio's host");
    // A pinned BLOG_NOW would freeze the calendar: scheduled posts would never go out.
    expect(JSON.stringify(workflow)).not.toContain('BLOG_NOW');
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
  });

  it('takes every credential from secrets and refuses to pretend when none is set', () => {
    const deploy = steps.at(-1)!;
    for (const [name, value] of Object.entries(deploy.env ?? {})) {
      if (/KEY|SECRET|KNOWN_HOSTS/.test(name)) expect(value, name).toMatch(/^\$\{\{ secrets\.[A-Z_]+ \}\}$/);
    }
    expect(deploy.run).toMatch(/\*\)\s+echo "::error title=Publishing is not connected to a host::.*README\.md\."\s+exit 1/);
  });
});
