/** The Open Graph card's size and type: what pages, feeds and the API announce, and what the template fills. */
export const OG_IMAGE_WIDTH = 1200;
export const OG_IMAGE_HEIGHT = 630;
export const OG_IMAGE_TYPE = 'image/png';
