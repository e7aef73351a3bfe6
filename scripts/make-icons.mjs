// Regenerates public/favicon.ico, public/apple-touch-icon.png and public/feed-icon.png from public/favicon.svg.
// Run by hand after changing the SVG; the outputs are committed.
import sharp from 'sharp';
import { readFile, writeFile } from 'node:fs/promises';

const svg = await readFile(new URL('../public/favicon.svg', import.meta.url));
const png32 = await sharp(svg, { density: 300 }).resize(32, 32).png().toBuffer();
await writeFile(
  new URL('../public/apple-touch-icon.png', import.meta.url),
  await sharp(svg, { density: 600 }).resize(180, 180).png().toBuffer(),
);
// RSS allows a channel image at most 144 px wide.
await writeFile(new URL('../public/feed-icon.png', import.meta.url), await sharp(svg, { density: 600 }).resize(144, 144).png().toBuffer());

// An ICO file may hold a PNG directly: a 6-byte header, one 16-byte directory entry, the PNG.
const header = Buffer.alloc(22);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(1, 4);
header.writeUInt8(32, 6);
header.writeUInt8(32, 7);
header.writeUInt16LE(1, 10);
header.writeUInt16LE(32, 12);
header.writeUInt32LE(png32.length, 14);
header.writeUInt32LE(22, 18);
await writeFile(new URL('../public/favicon.ico', import.meta.url), Buffer.concat([header, png32]));
console.log('wrote public/favicon.ico, public/apple-touch-icon.png and public/feed-icon.png');
