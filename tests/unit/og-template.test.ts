import { describe, expect, it } from 'vitest';
import { postCard, siteCard } from '../../src/lib/og/card.ts';
import { ogFonts } from '../../src/lib/og/fonts.ts';
import {
  SAFE_HEIGHT,
  SAFE_MARGIN,
  SAFE_WIDTH,
  TITLE_BOX,
  cardTree,
  framedSvg,
  mixColours,
  type OgNode,
} from '../../src/lib/og/template.ts';
import { OG_TEST_SITE } from './support/og-site.ts';

const site = OG_TEST_SITE;
const fonts = ogFonts();

/** Every text node with its font size and face. */
function texts(node: OgNode | string | undefined, out: { text: string; size: number; family: string }[] = []) {
  if (!node || typeof node === 'string') return out;
  const { children, style } = node.props;
  if (typeof children === 'string') out.push({ text: children, size: Number(style?.fontSize), family: String(style?.fontFamily) });
  else for (const c of Array.isArray(children) ? children : [children]) texts(c, out);
  return out;
}

describe('the card template', () => {
  const restDays = postCard(
    { title: 'Rest days', date: new Date('2026-11-20T12:00:00Z'), readingMinutes: 4, tags: ['recovery'] },
    'Ada Fixture',
    site,
  );

  it('puts every field of a post on the full card, in the fonts it measured with', () => {
    const all = texts(cardTree({ ...restDays, look: 'full' }, fonts).element).map((t) => t.text);
    for (const field of ['Wellness Rituals', '#recovery', 'Rest days', 'Ada Fixture']) expect(all).toContain(field);
    expect(all.join(' ')).toMatch(/November 20, 2026 +· +4 min read/);
  });

  it('draws the light card with three text elements: no tag, no read time, the byline as one line', () => {
    const light = texts(cardTree({ ...restDays, look: 'light' }, fonts).element);
    expect(light.map((t) => t.text)).toEqual([
      'Wellness Rituals',
      'Rest days',
      expect.stringMatching(/^Ada Fixture +· +November 20, 2026$/),
    ]);
    expect(light[2]!.family).toBe(fonts.family.sans);
    expect(texts(cardTree({ ...restDays, look: 'full' }, fonts).element)).toHaveLength(5);
  });

  it('shortens a long author in the light byline and keeps the date whole', () => {
    const author = 'Maximiliana Wilhelmina Featherstonehaugh-Cholmondeley-Worthington of the Very Long Name';
    const [, , byline] = texts(cardTree({ ...restDays, author, look: 'light' }, fonts).element);
    expect(byline!.text).toMatch(/… {3}· {3}November 20, 2026$/);
    expect(fonts.measure.sans(byline!.text, byline!.size)).toBeLessThanOrEqual(SAFE_WIDTH);
  });

  it('sets a long title in lines that fit the title box at one size, measured with the real fonts', () => {
    const title = 'Thai yoga massage for runners, cyclists and desk workers: what the research says — and what it doesn’t';
    const { element } = cardTree(postCard({ title, date: new Date(), readingMinutes: 4, tags: ['massage'] }, 'Ada', site), fonts);
    const titles = texts(element).filter((t) => t.family === fonts.family.serif);
    expect(titles).toHaveLength(1);
    const { text: block, size } = titles[0]!;
    const lines = block.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(title);
    for (const line of lines) expect(fonts.measure.serif(line, size)).toBeLessThanOrEqual(TITLE_BOX.maxWidth);
  });

  it('carries the emoji pictures the text needs and the mark as an overlay', () => {
    const tree = cardTree(postCard({ title: 'Breathe 🌿', date: new Date(), readingMinutes: 1, tags: ['sleep'] }, 'Ada', site), fonts);
    expect(Object.keys(tree.graphemeImages)).toEqual(['🌿']);
    expect(tree.overlay).toContain(`fill="${site.palette.accent}"`);
    expect(tree.background).toBe(site.palette.background);
  });

  it('has a site card with the journal name and its sentence, the same in both looks', () => {
    const all = texts(cardTree(siteCard(site), fonts).element)
      .map((t) => t.text)
      .join(' ');
    expect(all).toContain('The Wellness Rituals journal');
    expect(all).toContain('Orlando and Longwood');
    const tree = (look: 'full' | 'light') => cardTree({ ...siteCard(site), look }, fonts).element;
    expect(tree('light')).toEqual(tree('full'));
  });
});

describe('framedSvg', () => {
  it('sets the safe area into a full card with a clipping viewport at the margin', () => {
    const inner = `<svg width="${SAFE_WIDTH}" height="${SAFE_HEIGHT}" viewBox="0 0 ${SAFE_WIDTH} ${SAFE_HEIGHT}" xmlns="http://www.w3.org/2000/svg"><path d="M0 0L1 1"/></svg>`;
    const svg = framedSvg(inner, { background: '#ffffff', overlay: '<g id="mark"/>' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1200" height="630"/);
    expect(svg).toContain('<rect width="1200" height="630" fill="#ffffff"/>');
    expect(svg).toContain(`<svg x="${SAFE_MARGIN}" y="${SAFE_MARGIN}" width="${SAFE_WIDTH}" height="${SAFE_HEIGHT}"`);
    expect(svg).toContain('overflow="hidden"><path d="M0 0L1 1"/><g id="mark"/></svg></svg>');
  });

  it('refuses what is not an SVG document', () => {
    expect(() => framedSvg('<html></html>', { background: '#fff', overlay: '' })).toThrow(/SVG document/);
  });
});

describe('mixColours', () => {
  it('gives the solid colour of one colour laid over another', () => {
    expect(mixColours('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixColours('#1f2a24', '#f6f1ea', 1)).toBe('#1f2a24');
    expect(mixColours('#1f2a24', '#f6f1ea', 0)).toBe('#f6f1ea');
  });
});
