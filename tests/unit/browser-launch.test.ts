import { describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';

describe('launchChromium', () => {
  it('says how to install Chromium when it is missing, instead of downloading one', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(/not there[\s\S]*apt-get install -y chromium/);
  });
});
