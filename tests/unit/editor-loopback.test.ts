import { describe, expect, it } from 'vitest';
import { isLoopback } from '../../src/editor/loopback.ts';

describe('the editor answers only to this computer', () => {
  it('accepts loopback addresses', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopback(a)).toBe(true);
  });
  it('refuses anything else', () => {
    for (const a of ['192.168.1.20', '10.0.0.5', '::ffff:192.168.1.20', 'fe80::1', '', undefined, '127.0.0.1.evil']) expect(isLoopback(a)).toBe(false);
  });
});
