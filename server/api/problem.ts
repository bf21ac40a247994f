import type { Problem } from '../../src/api/schemas';

/** An RFC 9457 problem+json answer, the API's one error format. */
export function problem(status: number, title: string, detail: string, headers?: Record<string, string>): Response {
  const body: Problem = { type: 'about:blank', title, status, detail };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...headers },
  });
}

/** A client-supplied text quoted in a detail: bounded, so an absurd id does not come back in full. */
export function quoted(text: string): string {
  return text.length > 64 ? `${text.slice(0, 64)}…` : text;
}
