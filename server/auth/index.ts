/** Accounts, sessions, permissions and the audit log (issue 15): pure pieces the server wires together (README.md). */
export { authConfigFromEnv, clientAddress, isHttps, publicOrigin, type AuthConfig, type RequestView } from './config';
export { problem, problemResponse, type FieldProblem } from './problem';
export {
  PASSWORD_HASH_OPTIONS,
  PASSWORD_MAX_CHARACTERS,
  PASSWORD_MIN_CHARACTERS,
  SIGN_IN_REFUSED,
  hashPassword,
  needsRehash,
  passwordProblem,
  randomPassword,
  verifyPassword,
} from './passwords';
export {
  DISPLAY_COOKIE_MAX_AGE_SECONDS,
  DISPLAY_LINK_LIFETIME_MS,
  DISPLAY_TOKEN_PARAM,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_TOUCH_INTERVAL_MS,
  canExchangeDisplayLink,
  clearDisplayCookie,
  clearSessionCookie,
  displayLink,
  displayLinkInRequest,
  exchangeDisplayLink,
  hashSecret,
  isDisplayTokenValid,
  isSessionValid,
  issueDisplayToken,
  readDisplaySecret,
  readSessionId,
  sessionAtSignIn,
  sessionCookie,
  sessionExpiresAt,
  touch,
  urlForLog,
  type DisplayToken,
  type Session,
} from './sessions';
export {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  THROTTLE_WINDOW_MS,
  accountKey,
  addressKey,
  signInThrottle,
  throttleWindowStart,
  type RecentFailures,
  type ThrottleDecision,
} from './throttle';
export { MAX_BODY_BYTES, guardRequest, readBodyText, readJsonBody, type BodyResult } from './request-guard';
export {
  ROLES,
  ROLE_KINDS,
  WRITE_PERMISSIONS,
  decide,
  expectedRefusal,
  isRole,
  pendingScope,
  type Action,
  type ActionName,
  type Decision,
  type Role,
  type RoleKind,
  type User,
} from './permissions';
export { AUDIT_ACTIONS, REDACTED, auditEntry, redact, type AuditAction, type AuditEntry, type JsonValue } from './audit';
