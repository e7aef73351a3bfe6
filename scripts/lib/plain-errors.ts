/**
 * Imported first by every command, before anything reads the site settings:
 * a mistake in the studio's own settings ends as its message (file:line, field,
 * fix), not under Node's "uncaught exception" banner with a stack trace.
 * Everything else is a developer's error and keeps its stack.
 */
import { SettingsError } from '../../src/lib/settings/problems.ts';

process.on('uncaughtException', (error) => {
  console.error(error instanceof SettingsError ? error.message : error);
  process.exit(1);
});
