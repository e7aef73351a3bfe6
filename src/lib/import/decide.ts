/**
 * What a new import does with a post it already brought in once: nothing when
 * the file is already what it would write, replace it when the old blog
 * changed and nobody edited the file here, and keep it when someone did
 * (unless told to replace it).
 */
import { editedSinceImport } from './render.ts';

export type Decision =
  { action: 'create' } | { action: 'unchanged' } | { action: 'update'; overwritesEdits: boolean } | { action: 'keep'; reason: string };

export function decide(existing: string | undefined, candidate: string, force: boolean): Decision {
  if (existing === undefined) return { action: 'create' };
  if (existing === candidate) return { action: 'unchanged' };
  if (!editedSinceImport(existing)) return { action: 'update', overwritesEdits: false };
  if (force) return { action: 'update', overwritesEdits: true };
  return {
    action: 'keep',
    reason: "edited here since it was imported; left as it is (run again with --force to replace it with the old blog's version)",
  };
}
