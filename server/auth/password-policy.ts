import { problem, type FieldProblem } from './problem';

/**
 * OWASP ASVS 4.0 V2.1.1 and V2.1.2: at least 12 characters, at least 64 allowed, more than 128 denied.
 * No composition rules (ASVS V2.1.9): a long phrase in Chinese or pinyin is fine. The upper bound
 * keeps a sign-in body small; Argon2 itself does not slow down with length.
 */
export const PASSWORD_MIN_CHARACTERS = 12;
export const PASSWORD_MAX_CHARACTERS = 128;

/**
 * The same password typed with a Chinese input method in full-width mode (ａｂｃ１２３) and in
 * half-width mode must be the same password, so it is NFKC-normalised before hashing and checking.
 */
export function normalized(password: string): string {
  return password.normalize('NFKC');
}

/** Characters as people count them: one per Unicode code point, not per UTF-16 unit. */
function characterCount(text: string): number {
  return Array.from(text).length;
}

/** The password policy for a new or reset password; null when it is acceptable. */
export function passwordProblem(password: string, username?: string): FieldProblem | null {
  const text = normalized(password);
  const count = characterCount(text);
  if (count < PASSWORD_MIN_CHARACTERS) {
    return { field: 'password', detail: `密码至少需要 ${PASSWORD_MIN_CHARACTERS} 个字符,现在是 ${count} 个。` };
  }
  if (count > PASSWORD_MAX_CHARACTERS) {
    return { field: 'password', detail: `密码最多 ${PASSWORD_MAX_CHARACTERS} 个字符,现在是 ${count} 个。` };
  }
  if (username !== undefined && text.trim().toLowerCase() === normalized(username).trim().toLowerCase()) {
    return { field: 'password', detail: '密码不能与用户名相同。' };
  }
  return null;
}

/** The one answer to a failed sign-in, for a wrong password and an unknown or disabled account alike. */
export const SIGN_IN_REFUSED = problem(401, '用户名或密码不正确', '请检查用户名和密码后重试。');

