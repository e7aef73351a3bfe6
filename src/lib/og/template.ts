/**
 * The Open Graph card's design: a satori element tree (plain objects, no
 * React) built from an OgCard. All text is fitted here with layout.ts, so the
 * tree holds the exact lines satori will draw.
 *
 * Everything is placed inside a safe area SAFE_MARGIN pixels from each edge;
 * the margin shows only the background colour (tests check pixels).
 */
import { OG_IMAGE_HEIGHT, OG_IMAGE_WIDTH } from './size.ts';
import { fitLine, fitTitle, type Measure, type TitleBox } from './layout.ts';
import { emojiImages } from './emoji.ts';
import type { CardLook, OgCard, Palette } from './card.ts';
import type { FaceName } from './fonts.ts';

/**
 * Part of every cache key. The key already holds every field of the card and
 * a hash of the source of src/lib/og/ (render.ts, designIdentity), so an edit
 * here, in layout.ts or in the card model redraws by itself, and so does a new
 * font, emoji set, satori or sharp. Bump this to redraw every card for any
 * other reason (say, a change in code outside src/lib/og/ that the drawing uses).
 */
export const TEMPLATE_VERSION = 1;

export const SAFE_MARGIN = 64;
export const SAFE_WIDTH = OG_IMAGE_WIDTH - 2 * SAFE_MARGIN;
export const SAFE_HEIGHT = OG_IMAGE_HEIGHT - 2 * SAFE_MARGIN;
const INNER_WIDTH = SAFE_WIDTH;
const INNER_HEIGHT = SAFE_HEIGHT;

const HEADER_HEIGHT = 64;
const MARK_SIZE = 60;
const BRAND_SIZE = 32;
const TAG_SIZE = 28;
const META_SIZE = 28;
const FOOTER_HEIGHT = 64;
const GAP = 32;

/** The title's box and the sizes it may take, largest first. */
export const TITLE_BOX: TitleBox = {
  sizes: [76, 68, 60, 52, 46],
  maxWidth: INNER_WIDTH,
  maxHeight: INNER_HEIGHT - HEADER_HEIGHT - FOOTER_HEIGHT - 2 * GAP,
  lineHeight: 1.14,
  maxLines: 5,
};

/** The site card's sentence under the name. */
const DESCRIPTION_BOX: TitleBox = { sizes: [32, 28], maxWidth: INNER_WIDTH, maxHeight: 130, lineHeight: 1.35, maxLines: 3 };
const DESCRIPTION_GAP = 20;
const SITE_TITLE_BOX: TitleBox = { sizes: [72, 60], maxWidth: INNER_WIDTH, maxHeight: 150, lineHeight: 1.12, maxLines: 2 };

export interface TemplateFonts {
  family: Record<FaceName, string>;
  weight: Record<FaceName, number>;
  measure: Record<FaceName, Measure>;
}

/** A satori node: the shape React elements have, which satori reads. */
export interface OgNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: OgNode | OgNode[] | string; src?: string; width?: number; height?: number };
}

export interface CardTree {
  /** The safe area; the renderer adds the margin in `background`. */
  element: OgNode;
  background: string;
  /** SVG drawn over satori's output in safe-area coordinates: the mark. */
  overlay: string;
  /** satori's graphemeImages: the emoji pictures the text needs. */
  graphemeImages: Record<string, string>;
}

function node(style: Record<string, string | number>, children?: OgNode | OgNode[] | string): OgNode {
  return {
    type: 'div',
    props: children === undefined ? { style: { display: 'flex', ...style } } : { style: { display: 'flex', ...style }, children },
  };
}

/**
 * The studio's mark (the leaf over a wave, as in public/favicon.svg) in the
 * palette's colours, as SVG shapes in a 32-unit square.
 */
export function markShapes(palette: Palette): string {
  return (
    `<rect width="32" height="32" rx="7" fill="${palette.accent}"/>` +
    `<path d="M16 5c-3.6 4.5-5.4 8.1-5.4 11.7a5.4 5.4 0 0 0 10.8 0C21.4 13.1 19.6 9.5 16 5Z" fill="${palette.background}"/>` +
    `<path d="M6 22.5c3.6 0 7 1.8 10 5.2 3-3.4 6.4-5.2 10-5.2" fill="none" stroke="${palette.background}" stroke-width="2.2" stroke-linecap="round"/>`
  );
}

/** Where the mark sits in the safe area: the left of the header row, centred in its height. */
export const MARK_BOX = { x: 0, y: (HEADER_HEIGHT - MARK_SIZE) / 2, size: MARK_SIZE };

/**
 * The mark drawn straight into the card's SVG (framedSvg) over an empty box
 * that satori lays out: satori would embed it as an <image> with a clip and a
 * mask, which cost about a quarter of the rasterising time.
 */
function markOverlay(palette: Palette): string {
  return `<g transform="translate(${MARK_BOX.x} ${MARK_BOX.y}) scale(${MARK_BOX.size / 32})">${markShapes(palette)}</g>`;
}

/** `a` laid over `b` at `opacity`, as one solid colour: SVG opacity makes the rasteriser draw a separate layer. */
export function mixColours(a: string, b: string, opacity: number): string {
  const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const [ca, cb] = [rgb(a), rgb(b)];
  return `#${ca
    .map((v, i) =>
      Math.round(v * opacity + cb[i]! * (1 - opacity))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function text(
  fonts: TemplateFonts,
  face: FaceName,
  fontSize: number,
  color: string,
  content: string,
  extra: Record<string, string | number> = {},
): OgNode {
  return node({ fontFamily: fonts.family[face], fontWeight: fonts.weight[face], fontSize, color, whiteSpace: 'pre', ...extra }, content);
}

/**
 * Lines of fitted text as one text element, broken where layout.ts broke
 * them (`whiteSpace: pre` keeps the line breaks and adds none): satori draws
 * it about twice as fast as one element a line.
 */
function lines(
  fonts: TemplateFonts,
  face: FaceName,
  fit: { fontSize: number; lines: string[] },
  lineHeight: number,
  color: string,
): OgNode {
  return node({ flexDirection: 'column', width: INNER_WIDTH, flexShrink: 0 }, [
    text(fonts, face, fit.fontSize, color, fit.lines.join('\n'), { lineHeight }),
  ]);
}

function header(card: OgCard, fonts: TemplateFonts, look: CardLook): OgNode {
  const { palette } = card;
  // The light look leaves the tag out (card.ts, CardLook).
  const shownTag = look === 'full' ? card.tag : undefined;
  const tagWidth = shownTag ? Math.min(420, fonts.measure.sansBold(shownTag, TAG_SIZE) + 48) : 0;
  const tag = shownTag ? fitLine(shownTag, tagWidth - 48, TAG_SIZE, fonts.measure.sansBold) : undefined;
  const brandRoom = INNER_WIDTH - MARK_SIZE - 20 - (tag ? tagWidth + 32 : 0);
  const brand = fitLine(card.siteTitle, brandRoom, BRAND_SIZE, fonts.measure.sansBold);
  const children: OgNode[] = [
    // An empty box where markOverlay draws the mark.
    node({ width: MARK_SIZE, height: MARK_SIZE, flexShrink: 0 }),
    text(fonts, 'sansBold', BRAND_SIZE, palette.ink, brand, { marginLeft: 20, maxWidth: brandRoom, letterSpacing: 0.3 }),
  ];
  if (tag) {
    children.push(
      node(
        {
          marginLeft: 'auto',
          height: 52,
          padding: '0 24px',
          alignItems: 'center',
          borderRadius: 26,
          backgroundColor: palette.accent,
          maxWidth: tagWidth,
        },
        [text(fonts, 'sansBold', TAG_SIZE, palette.background, tag)],
      ),
    );
  }
  return node({ height: HEADER_HEIGHT, width: INNER_WIDTH, alignItems: 'center', flexShrink: 0 }, children);
}

/** Between the facts of the byline; spaces kept by `whiteSpace: pre`. */
const SEPARATOR = '   ·   ';

/**
 * The bottom row: a short accent rule over author · date · read time (or the
 * site card's footer). Two text elements, not one per fact: each text element
 * costs satori about as much as a line of the title. The light look sets the
 * author in the same line and face as the rest and leaves out the read time:
 * one element, fewer glyphs.
 */
function footer(card: OgCard, fonts: TemplateFonts, look: CardLook): OgNode {
  const { palette } = card;
  const muted = mixColours(palette.ink, palette.background, 0.78);
  const light = look === 'light';
  const given = [card.date, light ? undefined : card.readTime, card.footer].filter((s): s is string => Boolean(s));
  const facts = given.map((s) => fitLine(s, given.length > 1 ? INNER_WIDTH / 3 : INNER_WIDTH, META_SIZE, fonts.measure.sans));
  const rest = (card.author ? SEPARATOR : '') + facts.join(SEPARATOR);
  const authorFace: FaceName = light ? 'sans' : 'sansBold';
  const room = INNER_WIDTH - fonts.measure.sans(rest, META_SIZE);
  const author = card.author ? fitLine(card.author, room, META_SIZE, fonts.measure[authorFace]) : undefined;
  const items: OgNode[] = [];
  if (light) items.push(text(fonts, 'sans', META_SIZE, muted, (author ?? '') + rest));
  else {
    if (author) items.push(text(fonts, 'sansBold', META_SIZE, palette.ink, author, { maxWidth: room }));
    if (rest) items.push(text(fonts, 'sans', META_SIZE, muted, rest));
  }
  return node({ flexDirection: 'column', height: FOOTER_HEIGHT, width: INNER_WIDTH, justifyContent: 'flex-end', flexShrink: 0 }, [
    node({ width: 96, height: 6, borderRadius: 3, backgroundColor: palette.accent, marginBottom: 18 }),
    node({ alignItems: 'center', width: INNER_WIDTH, height: 40 }, items),
  ]);
}

function body(card: OgCard, fonts: TemplateFonts): OgNode {
  const { palette } = card;
  const height = TITLE_BOX.maxHeight;
  const column = (children: OgNode[]) =>
    node({ flexDirection: 'column', justifyContent: 'center', width: INNER_WIDTH, height, flexShrink: 0 }, children);
  if (card.kind === 'site') {
    const title = fitTitle(card.title, SITE_TITLE_BOX, fonts.measure.serif);
    const children = [lines(fonts, 'serif', title, SITE_TITLE_BOX.lineHeight, palette.ink)];
    if (card.description) {
      // The sentence gets the height the name leaves.
      const used = title.lines.length * title.fontSize * SITE_TITLE_BOX.lineHeight + DESCRIPTION_GAP;
      const box = { ...DESCRIPTION_BOX, maxHeight: height - used };
      const description = fitTitle(card.description, box, fonts.measure.sans);
      children.push(node({ marginTop: DESCRIPTION_GAP }, [lines(fonts, 'sans', description, box.lineHeight, palette.ink)]));
    }
    return column(children);
  }
  return column([lines(fonts, 'serif', fitTitle(card.title, TITLE_BOX, fonts.measure.serif), TITLE_BOX.lineHeight, palette.ink)]);
}

/**
 * The card's safe area. Satori draws only this (SAFE_WIDTH × SAFE_HEIGHT) and
 * framedSvg sets it into the full card, so nothing can be drawn into the margin.
 */
export function cardTree(card: OgCard, fonts: TemplateFonts): CardTree {
  const { look } = card;
  const element = node({ width: SAFE_WIDTH, height: SAFE_HEIGHT, flexDirection: 'column', justifyContent: 'space-between' }, [
    header(card, fonts, look),
    body(card, fonts),
    footer(card, fonts, look),
  ]);
  const allText = [card.siteTitle, card.title, card.author, card.date, card.readTime, card.tag, card.description, card.footer];
  return {
    element,
    background: card.palette.background,
    overlay: markOverlay(card.palette),
    graphemeImages: emojiImages(allText.filter(Boolean).join(' ')),
  };
}

/**
 * Sets satori's SVG of the safe area into the full-size card: a background,
 * then a nested <svg> viewport at the margin holding satori's drawing and the
 * overlay. The viewport clips whatever would reach past the safe area
 * (satori's `overflow: hidden` clips with masks, which made rasterising about
 * ten times slower; a viewport clip is a plain rectangle).
 */
export function framedSvg(safeAreaSvg: string, tree: Pick<CardTree, 'background' | 'overlay'>): string {
  const open = /^<svg [^>]*>/.exec(safeAreaSvg);
  if (!open || !safeAreaSvg.endsWith('</svg>')) throw new Error('framedSvg expects an SVG document from satori');
  const body = safeAreaSvg.slice(open[0].length, -'</svg>'.length);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_IMAGE_WIDTH}" height="${OG_IMAGE_HEIGHT}" viewBox="0 0 ${OG_IMAGE_WIDTH} ${OG_IMAGE_HEIGHT}">` +
    `<rect width="${OG_IMAGE_WIDTH}" height="${OG_IMAGE_HEIGHT}" fill="${tree.background}"/>` +
    `<svg x="${SAFE_MARGIN}" y="${SAFE_MARGIN}" width="${SAFE_WIDTH}" height="${SAFE_HEIGHT}" viewBox="0 0 ${SAFE_WIDTH} ${SAFE_HEIGHT}" overflow="hidden">` +
    `${body}${tree.overlay}</svg></svg>`
  );
}
