// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { authConfigFromEnv, type AuthConfig } from './config';
import { problemResponse } from './problem';
import { MAX_BODY_BYTES, guardRequest, readBodyText, readJsonBody } from './request-guard';

const direct: AuthConfig = { behindProxy: false, allowedOrigins: [] };
const SITE = 'https://jindu.test';
const json = { 'content-type': 'application/json' };

function request(method: string, headers: Record<string, string>, body?: RequestInit['body'], url = `${SITE}/api/v1/users`): Request {
  return new Request(url, { method, headers, body });
}

describe('the CSRF rule for unsafe methods', () => {
  it('lets reads through whatever their origin', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(guardRequest(request(method, { origin: 'https://evil.test' }), direct)).toBeNull();
    }
  });

  it('accepts a write whose Origin is the request’s own scheme and host', () => {
    expect(guardRequest(request('POST', { origin: SITE, ...json }, '{}'), direct)).toBeNull();
    expect(guardRequest(request('DELETE', { origin: SITE }), direct)).toBeNull();
  });

  it('refuses a write from another origin, for every unsafe method', () => {
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE', 'PROPFIND']) {
      const refused = guardRequest(request(method, { origin: 'https://evil.test', ...json }, method === 'DELETE' ? undefined : '{}'), direct);
      expect(refused).toEqual({
        type: 'about:blank',
        title: '跨站请求被拒绝',
        status: 403,
        detail: '请求来源(Origin)“https://evil.test”不是本站(https://jindu.test),也不在 JINDU_ORIGINS 中。',
      });
    }
  });

  it('refuses the same host over another scheme or port, and an opaque origin', () => {
    for (const origin of ['http://jindu.test', 'https://jindu.test:8443', 'https://sub.jindu.test', 'null']) {
      expect(guardRequest(request('POST', { origin, ...json }, '{}'), direct)?.status).toBe(403);
    }
  });

  it('refuses a write with no Origin and no Sec-Fetch-Site', () => {
    const refused = guardRequest(request('POST', json, '{}'), direct);
    expect(refused?.status).toBe(403);
    expect(refused?.detail).toContain('两者都没有');
  });

  it('accepts a write with no Origin when Sec-Fetch-Site says same-origin, and nothing less', () => {
    expect(guardRequest(request('POST', { 'sec-fetch-site': 'same-origin', ...json }, '{}'), direct)).toBeNull();
    for (const site of ['same-site', 'cross-site', 'none']) {
      const refused = guardRequest(request('POST', { 'sec-fetch-site': site, ...json }, '{}'), direct);
      expect(refused?.status).toBe(403);
      expect(refused?.detail).toContain(`“${site}”`);
    }
  });

  it('is not fooled by a forged Sec-Fetch-Site beside a foreign Origin', () => {
    const forged = request('POST', { origin: 'https://evil.test', 'sec-fetch-site': 'same-origin', ...json }, '{}');
    expect(guardRequest(forged, direct)?.status).toBe(403);
  });

  it('accepts the origins listed in JINDU_ORIGINS', () => {
    const config = authConfigFromEnv({ JINDU_ORIGINS: 'https://jindu.example.gov.cn, https://intranet.example:8443/' });
    expect(config.allowedOrigins).toEqual(['https://jindu.example.gov.cn', 'https://intranet.example:8443']);
    const proxied = request('POST', { origin: 'https://jindu.example.gov.cn', ...json }, '{}', 'http://127.0.0.1:8080/api/v1/users');
    expect(guardRequest(proxied, config)).toBeNull();
    expect(guardRequest(proxied, direct)?.status).toBe(403);
  });

  it('stops the start on a JINDU_ORIGINS entry that is not an origin', () => {
    expect(() => authConfigFromEnv({ JINDU_ORIGINS: 'jindu.example.gov.cn' })).toThrow(/not an origin/);
    expect(() => authConfigFromEnv({ JINDU_ORIGINS: 'https://jindu.example.gov.cn/app' })).toThrow(/not an origin/);
    expect(authConfigFromEnv({})).toEqual({ behindProxy: false, allowedOrigins: [] });
    expect(authConfigFromEnv({ JINDU_TRUST_PROXY: '1' }).behindProxy).toBe(true);
  });

  it('compares with X-Forwarded-Proto and -Host only behind a trusted proxy', () => {
    const headers = { origin: 'https://jindu.example.gov.cn', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'jindu.example.gov.cn', ...json };
    const viaProxy = request('POST', headers, '{}', 'http://127.0.0.1:8080/api/v1/users');
    expect(guardRequest(viaProxy, { behindProxy: true, allowedOrigins: [] })).toBeNull();
    // Without a trusted proxy the headers are the attacker's own words: the origin stays the socket's.
    expect(guardRequest(viaProxy, direct)?.status).toBe(403);
  });
});

describe('the content rules', () => {
  const origin = { origin: SITE };

  it('require application/json on a write with a body (415), charset UTF-8 allowed', () => {
    expect(guardRequest(request('POST', { ...origin, 'content-type': 'application/json; charset=UTF-8' }, '{}'), direct)).toBeNull();
    const form = guardRequest(request('POST', { ...origin, 'content-type': 'application/x-www-form-urlencoded' }, 'a=1'), direct);
    expect(form).toMatchObject({ status: 415, title: '请求体必须是 JSON' });
    expect(form?.detail).toContain('application/x-www-form-urlencoded');
    for (const contentType of ['text/plain', 'multipart/form-data; boundary=x', 'application/json; charset=iso-8859-1', 'application/jsonp']) {
      expect(guardRequest(request('PATCH', { ...origin, 'content-type': contentType }, '{}'), direct)?.status).toBe(415);
    }
  });

  it('require it on POST, PUT and PATCH even without a body, and name the missing header', () => {
    const bare = guardRequest(request('POST', origin), direct);
    expect(bare).toMatchObject({ status: 415, detail: '请求没有 Content-Type,应为 application/json。' });
  });

  it('let a DELETE without a body through, but not a DELETE with a non-JSON body', () => {
    expect(guardRequest(request('DELETE', origin), direct)).toBeNull();
    expect(guardRequest(request('DELETE', { ...origin, 'content-type': 'text/plain' }, 'x'), direct)?.status).toBe(415);
  });

  it('refuse a declared Content-Length over 64 KiB (413) and allow exactly 64 KiB', () => {
    const over = guardRequest(request('POST', { ...origin, ...json, 'content-length': String(MAX_BODY_BYTES + 1) }), direct);
    expect(over).toEqual({
      type: 'about:blank',
      title: '请求体过大',
      status: 413,
      detail: '请求体有 65537 字节,上限为 65536 字节(64 KiB)。',
    });
    expect(guardRequest(request('POST', { ...origin, ...json, 'content-length': String(MAX_BODY_BYTES) }), direct)).toBeNull();
  });

  it('refuse a Content-Length that is not a number (400)', () => {
    expect(guardRequest(request('POST', { ...origin, ...json, 'content-length': '1e9' }), direct)?.status).toBe(400);
  });

  it('check the origin before the content', () => {
    expect(guardRequest(request('POST', { origin: 'https://evil.test', 'content-type': 'text/plain' }, 'x'), direct)?.status).toBe(403);
  });
});

describe('reading the body', () => {
  /** A body sent in chunks, as a client that declared a small Content-Length (or none) might. */
  function streamed(chunkBytes: number, chunks: number): Request {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === chunks) return controller.close();
        sent += 1;
        controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
      },
    });
    // Node needs duplex for a streamed body; the DOM typings of RequestInit do not know it yet.
    const init: RequestInit & { duplex: 'half' } = { method: 'POST', headers: { ...json, 'content-length': '2' }, body, duplex: 'half' };
    return new Request(`${SITE}/api/v1/users`, init);
  }

  it('stops at 64 KiB whatever Content-Length said, without reading the rest (413)', async () => {
    const request = streamed(16 * 1024, 100);
    const result = await readBodyText(request);
    expect(result).toMatchObject({ ok: false, problem: { status: 413, title: '请求体过大' } });
  });

  it('reads exactly 64 KiB', async () => {
    const result = await readBodyText(streamed(16 * 1024, 4));
    expect(result.ok && result.value.length).toBe(MAX_BODY_BYTES);
  });

  it('parses JSON, with Chinese text intact', async () => {
    const body = JSON.stringify({ narrative: { progress: '完成投资 12.3 亿元' } });
    expect(await readJsonBody(request('POST', json, body))).toEqual({ ok: true, value: { narrative: { progress: '完成投资 12.3 亿元' } } });
  });

  it('answers 400 for malformed JSON without quoting the body back', async () => {
    const result = await readJsonBody(request('POST', json, '{"password": "s3cret-passw0rd"'));
    expect(result).toMatchObject({ ok: false, problem: { status: 400, detail: '请求体不是合法的 JSON。' } });
  });

  it('answers 400 for an empty body and for bytes that are not UTF-8', async () => {
    expect(await readJsonBody(request('POST', json, ''))).toMatchObject({ ok: false, problem: { status: 400 } });
    const latin1 = await readJsonBody(request('POST', json, new Uint8Array([0x22, 0xe9, 0x22])));
    expect(latin1).toMatchObject({ ok: false, problem: { status: 400, detail: '请求体不是有效的 UTF-8 文本。' } });
  });
});

describe('problem answers', () => {
  it('are application/problem+json with the problem’s status', async () => {
    const refused = guardRequest(request('POST', { origin: 'https://evil.test', ...json }, '{}'), direct);
    if (refused === null) throw new Error('expected a refusal');
    const response = problemResponse(refused, { 'retry-after': '60' });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('retry-after')).toBe('60');
    expect(await response.json()).toEqual(refused);
  });
});
