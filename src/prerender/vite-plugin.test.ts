import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cspHash, viewChooserScript } from './vite-plugin';

describe("index.html's inline script, as the build makes it", () => {
  it('is minified, self-contained, and the same text in every build', async () => {
    const script = await viewChooserScript();
    expect(script).not.toMatch(/\bimport\b|\bexport\b|<\/script/);
    expect(script).toContain('currentScript');
    expect(script).toContain('jindu-elsewhere');
    expect(script.length).toBeLessThan(600);
    expect(await viewChooserScript()).toBe(script);
  });

  it('has the hash a Content-Security-Policy allows it by', () => {
    const text = 'alert(1)';
    expect(cspHash(text)).toBe(`'sha256-${createHash('sha256').update(text).digest('base64')}'`);
    expect(cspHash(text)).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
  });
});
