import type { TestProject } from 'vitest/node';
import { buildSite, outDirFor } from './build-site.ts';
import { SITES } from './sites.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sites: Record<string, string>;
  }
}

export default function setup(project: TestProject): void {
  const sites: Record<string, string> = {};
  for (const site of Object.values(SITES)) {
    const started = Date.now();
    const result = buildSite(site);
    if (!result.ok) throw new Error(`The "${site.name}" fixture site failed to build:\n${result.output}`);
    console.log(`fixture site "${site.name}" ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    sites[site.name] = outDirFor(site.name);
  }
  project.provide('sites', sites);
}
