import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg)/;

export interface StaticFile {
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
}

/**
 * Compressed copies, made once. Quick settings: this runs at start for files the build did not
 * compress (scripts/server-build.mjs writes .br and .gz at brotli's best) and for API answers.
 */
export function compressed(body: Buffer, type: string): Pick<StaticFile, 'gzip' | 'br'> {
  if (body.length < 1024 || !COMPRESSIBLE.test(type)) return {};
  return {
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzip: gzipSync(body, { level: 6 }),
  };
}

/** The build's own compressed copy beside a file (main.js.br), if it wrote one. */
function precompressed(file: string, extension: '.br' | '.gz'): Buffer | undefined {
  return existsSync(file + extension) ? readFileSync(file + extension) : undefined;
}

/**
 * The built app, read into memory at start (a few hundred KiB): no file system access per request,
 * so no path can reach outside it. Vite's hashed files (assets/) are cached for a year, immutable;
 * everything else, index.html first, is revalidated with its ETag.
 */
export function loadStaticFiles(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(root)) return files;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      // Dot files and folders are the build's notes to the server (.vite/), never pages.
      if (name.startsWith('.')) continue;
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) {
        walk(file);
        continue;
      }
      // Compressed copies are served as encodings of their file, never as files of their own.
      if ((name.endsWith('.br') || name.endsWith('.gz')) && existsSync(file.slice(0, -3))) continue;
      const urlPath = `/${path.relative(root, file).split(path.sep).join('/')}`;
      const body = readFileSync(file);
      const type = TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
      const br = precompressed(file, '.br');
      const gzip = precompressed(file, '.gz');
      files.set(urlPath, {
        body,
        ...(br && gzip ? { br, gzip } : compressed(body, type)),
        type,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
        cacheControl: urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
  };
  walk(root);
  return files;
}

/** br, else gzip, else none: what the client's Accept-Encoding allows of what the file has. */
export function chooseEncoding(acceptEncoding: string | undefined, file: Pick<StaticFile, 'gzip' | 'br'>): 'br' | 'gzip' | undefined {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => q === undefined || !/^\s*q\s*=\s*0(\.0*)?\s*$/.test(q))
      .map(([name]) => (name ?? '').trim().toLowerCase()),
  );
  if (file.br && accepted.has('br')) return 'br';
  if (file.gzip && accepted.has('gzip')) return 'gzip';
  return undefined;
}
