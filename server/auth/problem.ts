import type { Problem } from '../../src/api/schemas';

/** A field that failed a rule, as the 422 answer names it. */
export interface FieldProblem {
  field: string;
  detail: string;
}

/** RFC 9457 problem details, shaped as the API's problemSchema (the one source of the contract's types). */
export function problem(status: number, title: string, detail: string): Problem {
  return { type: 'about:blank', title, status, detail };
}

/** The problem as a response: the API answers every error as application/problem+json. */
export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}
