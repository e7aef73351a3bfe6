/**
 * Debian's Chromium, as the browser tests and `npm run lighthouse` start it: where it is and
 * the flags that keep it headless and quiet. Nothing ever downloads a browser.
 */

/** Where Chromium is: CHROMIUM_PATH if set, else Debian's package location. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
