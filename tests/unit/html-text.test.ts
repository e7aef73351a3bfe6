import { describe, expect, it } from 'vitest';
import { htmlToPlainText } from '../../src/lib/html-text.ts';

describe('htmlToPlainText', () => {
  it('puts one block a paragraph, collapses inline spacing and decodes entities', () => {
    const html = '<h2>Why  it\nworks</h2><p>Tom &amp; <em>Jerry</em>\n  stretch.</p><ul><li>one</li><li>two</li></ul>';
    expect(htmlToPlainText(html)).toBe('Why it works\n\nTom & Jerry stretch.\n\none\n\ntwo');
  });

  it('keeps line breaks and code indentation, skips scripts and images', () => {
    const html = '<p>a<br>b<img src="x.png" alt="picture"></p><pre><code>if (x) {\n  y();\n}\n</code></pre><script>alert(1)</script>';
    expect(htmlToPlainText(html)).toBe('a\nb\n\nif (x) {\n  y();\n}');
  });

  it('is empty for an empty body', () => {
    expect(htmlToPlainText('')).toBe('');
  });
});
