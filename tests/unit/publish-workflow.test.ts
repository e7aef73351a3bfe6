/** The hourly publishing workflow: what the studio relies on for "dated tomorrow, live tomorrow". */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUILD_STEP, PUBLISH_JOB } from '../../scripts/lib/publish/since.ts';
import { ROOT } from '../support/paths.ts';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}
const workflow = parse(readFileSync(join(ROOT, '.github/workflows/publish.yml'), 'utf8')) as {
  on: { schedule: { cron: string }[]; push: { branches: string[] } };
  permissions: Record<string, string>;
  concurrency: { 'cancel-in-progress': boolean };
  env?: Record<string, string>;
  jobs: Record<string, Job>;
};
const publish = workflow.jobs[PUBLISH_JOB]!;
const steps = publish.steps;
const byId = (id: string) => steps.find((s) => s.id === id)!;
const at = (id: string) => steps.findIndex((s) => s.id === id);
const atRun = (command: RegExp) => steps.findIndex((s) => command.test(s.run ?? ''));

describe('publish.yml', () => {
  it('runs every hour at a minute off the busy quarter hours, and on pushes to main', () => {
    expect(workflow.on.schedule).toHaveLength(1);
    const [minute, ...rest] = workflow.on.schedule[0]!.cron.split(/\s+/);
    expect(rest).toEqual(['*', '*', '*', '*']);
    expect(Number(minute)).toBeGreaterThanOrEqual(5);
    expect(Number(minute)).toBeLessThanOrEqual(55);
    expect(Number(minute) % 15).not.toBe(0);
    expect(workflow.on.push.branches).toEqual(['main']);
  });

  it('waits for a post coming due in scheduled runs only, then builds with the clock as "now", then deploys', () => {
    const wait = atRun(/scripts\/publish-wait\.ts/);
    expect(steps[wait]!.if).toBe("github.event_name == 'schedule'");
    expect(wait).toBeGreaterThan(atRun(/^npm ci$/));
    expect(at('build')).toBeGreaterThan(wait);
    expect(at('links')).toBeGreaterThan(at('build'));
    expect(at('deploy')).toBeGreaterThan(at('links'));
    // A pinned BLOG_NOW would freeze the calendar: scheduled posts would never go out.
    expect(JSON.stringify(workflow)).not.toContain('BLOG_NOW');
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
  });

  it('holds back posts with problems in its build step only, and asks that step for the report', () => {
    const build = byId('build');
    expect(build.name).toBe(BUILD_STEP);
    expect(build.run).toBe('npm run build');
    expect(build.env?.BLOG_HOLD_BACK).toBe('1');
    const withHoldBack = Object.values(workflow.jobs).flatMap((j) => j.steps.filter((s) => s.env && 'BLOG_HOLD_BACK' in s.env));
    expect(withHoldBack).toEqual([build]);
    expect(workflow.env?.BLOG_HOLD_BACK).toBeUndefined();
    expect(publish.env?.BLOG_HOLD_BACK).toBeUndefined();

    const report = build.env?.BLOG_PUBLISH_REPORT;
    expect(report).toMatch(/\.json$/);
    expect(byId('live').run).toContain(`--report ${report}`);
    expect(byId('summary').run).toContain(`--report ${report}`);
  });

  it("lets no post's problem stop the publish: the only check brings the citation records up to date, every run, and cannot fail the job", () => {
    const checks = steps.filter((s) => /npm run check(?!:)/.test(String(s.run ?? '')));
    expect(checks).toHaveLength(1);
    const check = checks[0]!;
    // Every run, the hourly ones too: a post that comes due is checked against the records of its sources.
    expect(check.if).toBeUndefined();
    expect(String(check.run)).toMatch(/^npm run check -- --online \$ONLY_MISSING \|\| /);
    // The hourly run asks only about what the committed lock lacks; a push or a manual run asks about everything.
    expect(check.env?.ONLY_MISSING).toBe("${{ github.event_name == 'schedule' && '--only-missing' || '' }}");
    expect(atRun(/npm run check -- --online/)).toBeLessThan(at('build'));
  });

  it('checks that new posts are live only after the upload, and writes the summary whatever failed', () => {
    const live = byId('live');
    expect(at('live')).toBeGreaterThan(at('deploy'));
    expect(live.if).toBe("steps.deploy.outcome == 'success'");
    expect(live.run).toContain('scripts/publish-live.ts');

    const summary = byId('summary');
    expect(steps.at(-1)).toBe(summary);
    expect(summary.if).toBe('always()');
    expect(summary.run).toContain('scripts/publish-summary.ts');
    expect(summary.run).toContain(`--live ${/--out (\S+)/.exec(live.run!)![1]}`);
    // Each outcome it is told names a step that exists.
    for (const [name, value] of Object.entries(summary.env ?? {}).filter(([n]) => n.endsWith('_OUTCOME'))) {
      const id = /^\$\{\{ steps\.([\w-]+)\.outcome \}\}$/.exec(value)?.[1];
      expect(id && at(id), name).toBeGreaterThanOrEqual(0);
    }
    expect(publish.outputs?.issue).toBe('${{ steps.summary.outputs.issue }}');
  });

  it('lets only the issue job write issues, and that job runs no install and no build', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const writers = Object.entries(workflow.jobs).filter(([, job]) => Object.values(job.permissions ?? {}).includes('write'));
    expect(writers.map(([id, job]) => [id, job.permissions])).toEqual([['held-back-issue', { contents: 'read', issues: 'write' }]]);
    expect(publish.permissions).toEqual({ contents: 'read', actions: 'read', issues: 'read' });

    const issueJob = workflow.jobs['held-back-issue']!;
    expect(issueJob.needs).toBe(PUBLISH_JOB);
    // After a failed publish too, but only when the publish job asked for a change.
    expect(issueJob.if).toBe("always() && needs.publish.outputs.issue != ''");
    const runs = issueJob.steps.filter((s) => s.run).map((s) => s.run);
    expect(runs).toEqual(['node scripts/publish-issue.ts']);
    expect(issueJob.steps.find((s) => s.run)!.env?.ISSUE).toBe('${{ needs.publish.outputs.issue }}');
    for (const checkout of Object.values(workflow.jobs).flatMap((j) => j.steps.filter((s) => s.uses?.startsWith('actions/checkout')))) {
      expect(checkout.with?.['persist-credentials']).toBe(false);
    }
  });

  it("runs the project's scripts only in a job that installs the project first (the issue job runs from its sparse checkout: publish-issue.test.ts)", () => {
    for (const [id, job] of Object.entries(workflow.jobs)) {
      const install = job.steps.findIndex((s) => /^npm ci$/m.test(s.run ?? ''));
      job.steps.forEach((step, i) => {
        const runsProjectCode = /\bnpm run\b|node_modules\/\.bin\/node|\bnode scripts\//.test(step.run ?? '');
        if (!runsProjectCode) return;
        if (id === 'held-back-issue') return expect(step.run).toBe('node scripts/publish-issue.ts');
        expect(install, `${id}: "${step.name}" runs the project's code, and the job installs nothing`).toBeGreaterThanOrEqual(0);
        expect(i, `${id}: "${step.name}" runs before the install`).toBeGreaterThan(install);
      });
    }
  });

  it('takes every credential from secrets and refuses to pretend when none is set', () => {
    const deploy = byId('deploy');
    for (const [name, value] of Object.entries(deploy.env ?? {})) {
      if (/KEY|SECRET|KNOWN_HOSTS/.test(name)) expect(value, name).toMatch(/^\$\{\{ secrets\.[A-Z_]+ \}\}$/);
    }
    expect(deploy.run).toMatch(/\*\)\s+echo "::error title=Publishing is not connected to a host::.*docs\/publishing\.md\."\s+exit 1/);
  });
});
