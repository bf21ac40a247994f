import type { Problem } from '../../src/api/schemas';
import { publicOrigin, type AuthConfig, type RequestView } from './config';
import { problem } from './problem';

/** The largest body a request may carry: a weekly update of one domain is a few KiB. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Everything but these may change something: unknown methods are treated as unsafe too. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Methods whose requests carry a JSON body in this API; a DELETE carries none. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function forbidden(detail: string): Problem {
  return problem(403, '跨站请求被拒绝', detail);
}

/**
 * Whether an unsafe request comes from a page of this site (CSRF). A browser always sends Origin on a
 * cross-origin POST and cannot be made to forge it; with no Origin, Sec-Fetch-Site (which a page's
 * script cannot set either) must say same-origin. An Origin that is present decides on its own, so a
 * forged Sec-Fetch-Site beside a foreign Origin does not help.
 */
function originProblem(request: RequestView, config: AuthConfig): Problem | null {
  const ownOrigin = publicOrigin(request, config);
  const origin = request.headers.get('origin');
  if (origin !== null) {
    let serialised: string;
    try {
      serialised = new URL(origin).origin;
    } catch {
      serialised = 'null';
    }
    if (serialised !== 'null' && (serialised === ownOrigin || config.allowedOrigins.includes(serialised))) return null;
    return forbidden(`请求来源(Origin)“${origin}”不是本站(${ownOrigin}),也不在 JINDU_ORIGINS 中。`);
  }
  const site = request.headers.get('sec-fetch-site');
  if (site === 'same-origin') return null;
  return forbidden(
    site === null
      ? '修改数据的请求必须带有本站的 Origin 头(或 Sec-Fetch-Site: same-origin),此请求两者都没有。'
      : `修改数据的请求没有 Origin 头,而 Sec-Fetch-Site 为“${site}”,不是 same-origin。`,
  );
}

/** application/json, with at most a charset parameter that says UTF-8 (the only encoding JSON has). */
function isJsonContentType(header: string): boolean {
  const [mediaType = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'application/json') return false;
  return parameters.every((parameter) => {
    const [name, value = ''] = parameter.split('=').map((part) => part.trim());
    return name !== 'charset' || value.replace(/^"|"$/g, '') === 'utf-8';
  });
}

/**
 * The CSRF and content rules, before anything else looks at the request (the session included): null
 * when the request may go on, else the problem to answer (403, 400, 413 or 415). The body itself is
 * read later with readJsonBody, which enforces the size limit again on the bytes that actually arrive.
 */
export function guardRequest(request: RequestView, config: AuthConfig): Problem | null {
  const method = request.method.toUpperCase();
  if (SAFE_METHODS.has(method)) return null;

  const refused = originProblem(request, config);
  if (refused !== null) return refused;

  const lengthHeader = request.headers.get('content-length');
  let declaredLength: number | null = null;
  if (lengthHeader !== null) {
    if (!/^\d+$/.test(lengthHeader.trim())) return problem(400, '请求无效', `Content-Length“${lengthHeader}”不是字节数。`);
    declaredLength = Number(lengthHeader);
    if (declaredLength > MAX_BODY_BYTES) return tooLarge(`请求体有 ${declaredLength} 字节`);
  }

  const contentType = request.headers.get('content-type');
  // HTTP/1.1 frames a body with Content-Length or Transfer-Encoding; a Content-Type announces one too.
  const hasBody =
    (declaredLength !== null && declaredLength > 0) || request.headers.has('transfer-encoding') || contentType !== null;
  if (!BODY_METHODS.has(method) && !hasBody) return null;
  if (contentType === null || !isJsonContentType(contentType)) {
    return problem(
      415,
      '请求体必须是 JSON',
      contentType === null
        ? '请求没有 Content-Type,应为 application/json。'
        : `Content-Type 为“${contentType}”,应为 application/json(字符集只能是 UTF-8)。`,
    );
  }
  return null;
}

function tooLarge(what: string): Problem {
  return problem(413, '请求体过大', `${what},上限为 ${MAX_BODY_BYTES} 字节(64 KiB)。`);
}

export type BodyResult<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/**
 * The body as text, read only up to the limit: a client that sends more than its Content-Length said,
 * or sends chunks without one, is cut off at 64 KiB and answered 413 without the rest being buffered.
 */
export async function readBodyText(request: Request, limit: number = MAX_BODY_BYTES): Promise<BodyResult<string>> {
  if (request.body === null) return { ok: true, value: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, problem: tooLarge('请求体超过了上限') };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: problem(400, '请求无效', '请求体不是有效的 UTF-8 文本。') };
  }
}

/** The body parsed as JSON (400 when it is empty or not JSON); checking its shape is the handler's zod schema. */
export async function readJsonBody(request: Request, limit: number = MAX_BODY_BYTES): Promise<BodyResult<unknown>> {
  const text = await readBodyText(request, limit);
  if (!text.ok) return text;
  if (text.value.trim() === '') return { ok: false, problem: problem(400, '请求无效', '请求体为空,应为一个 JSON 对象。') };
  try {
    return { ok: true, value: JSON.parse(text.value) as unknown };
  } catch {
    // Not the parser's message: it quotes the body, which may hold a password.
    return { ok: false, problem: problem(400, '请求无效', '请求体不是合法的 JSON。') };
  }
}
