import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** An inline script like the prerendered overview's chooser: it must run under the CSP, by hash. */
export const INLINE_SCRIPT = "document.documentElement.classList.add('jindu-test')";

/** A small built app (index.html, a hashed asset, a plain file) in a new folder, for the server to serve. */
export function fixtureApp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jindu-public-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html><head><script>${INLINE_SCRIPT}</script><script type="application/json" id="data">{"a":1}</script>` +
      `<script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"></div></body></html>`,
  );
  writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});\n`);
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}
