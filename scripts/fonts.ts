/**
 * npm run fonts                  writes src/assets/fonts/*.woff2 and src/styles/fonts.css
 * npm run fonts -- --check DIR…  lists characters the Markdown under DIR uses that the fonts lack
 *
 * The faces and why: src/lib/fonts/faces.ts. The characters: src/lib/fonts/charset.ts.
 */
import './lib/plain-errors.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildFonts } from '../src/lib/fonts/build.ts';
import { missingCharacters } from '../src/lib/fonts/charset.ts';
import { FONT_BUDGET_BYTES } from '../src/lib/fonts/faces.ts';
import { writeFileAtomic } from '../src/lib/import/files.ts';

const args = process.argv.slice(2);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (args[0] === '--check') {
  const dirs = args.slice(1);
  if (dirs.length === 0) dirs.push('content');
  let text = '';
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.(md|mdx|ya?ml)$/.test(entry.name)) text += readFileSync(join(entry.parentPath, entry.name), 'utf8');
    }
  }
  const missing = missingCharacters(text);
  if (missing.length === 0) {
    console.log(`Every character in ${dirs.join(', ')} is in the web fonts.`);
  } else {
    console.log(
      `Not in the web fonts (shown in the stand-in font instead): ${missing.map((c) => `${c} U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).join(', ')}`,
    );
    console.log('Add them to src/lib/fonts/charset.ts and run `npm run fonts` if they are common; mind the 60 KB budget.');
  }
} else {
  const { files, css } = await buildFonts();
  let total = 0;
  for (const [name, data] of files) {
    writeFileAtomic(join('src/assets/fonts', name), data);
    total += data.length;
    console.log(`src/assets/fonts/${name}  ${kb(data.length)}`);
  }
  writeFileAtomic('src/styles/fonts.css', css);
  console.log(`src/styles/fonts.css\nFonts in all: ${kb(total)} (budget ${kb(FONT_BUDGET_BYTES)})`);
  if (total > FONT_BUDGET_BYTES) {
    console.error('Over budget: keep fewer characters or faces.');
    process.exit(1);
  }
}
