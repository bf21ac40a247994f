import type { Problem } from './schemas';

/**
 * Every way a request can fail, as one typed error, so a panel can say what went wrong in words
 * an official understands and offer the right remedy (retry, go back, check the network).
 */
export type ApiErrorKind = 'http' | 'network' | 'bad-json' | 'schema';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly problem: Problem | undefined;
  readonly url: string;
  /** How long the server asks to wait before trying again (Retry-After of a 429), when it said. */
  readonly retryAfterSeconds: number | undefined;
  /**
   * The error's JSON body as sent, beyond the problem's four fields: a 409's `current` observations and
   * a 422's `errors` per field, which the form parses with their own schemas.
   */
  readonly body: unknown;

  constructor(
    kind: ApiErrorKind,
    url: string,
    message: string,
    opts: { status?: number; problem?: Problem; cause?: unknown; retryAfterSeconds?: number; body?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.url = url;
    this.status = opts.status;
    this.problem = opts.problem;
    this.retryAfterSeconds = opts.retryAfterSeconds;
    this.body = opts.body;
  }

  get isNotFound(): boolean {
    return this.kind === 'http' && this.status === 404;
  }
}

/** A short zh-CN explanation of the failure for the panel that asked. */
export function describeError(error: unknown): { title: string; detail: string } {
  if (error instanceof ApiError) {
    switch (error.kind) {
      case 'network':
        return { title: '无法连接数据服务', detail: '网络中断或服务不可达,请检查网络后重试。' };
      case 'bad-json':
        return { title: '数据格式错误', detail: '服务返回的内容不是有效的 JSON。' };
      case 'schema':
        return { title: '数据不符合接口约定', detail: error.message };
      case 'http':
        if (error.status === 404) return { title: '未找到', detail: error.problem?.detail ?? '所请求的数据不存在。' };
        return {
          title: `服务错误(${error.status ?? '未知'})`,
          detail: error.problem?.detail ?? error.problem?.title ?? '数据服务暂时无法响应,请稍后重试。',
        };
    }
  }
  return { title: '出现错误', detail: error instanceof Error ? error.message : String(error) };
}
