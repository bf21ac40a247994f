import type { AuditAction, AuditEntry } from '../../api/tracking-schemas';
import { ROLE_LABELS, ROLES } from '../../session/roles';

/** The district's wall-clock time (+08:00), whatever the browser's zone: the log is read as the office lived it. */
const instantFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** 2017-07-03 12:00:05, in Beijing time. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(instantFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

export const ACTION_LABELS: Record<AuditAction, string> = {
  'sign-in': '登录',
  'sign-in-failed': '登录失败',
  'sign-out': '退出登录',
  'sessions-ended': '结束全部会话',
  'user-created': '创建账号',
  'user-changed': '修改账号',
  'password-reset': '重置密码',
  'display-token-issued': '签发大屏令牌',
  'display-token-opened': '大屏令牌启用',
  'display-token-revoked': '撤销大屏令牌',
  'update-submitted': '提交填报',
  'update-reviewed': '审核填报',
  'cycle-changed': '修改填报截止时间',
};

const TARGET_LABELS: Record<NonNullable<AuditEntry['target']>['kind'], string> = {
  user: '账号',
  'display-token': '大屏令牌',
  update: '填报',
  session: '会话',
  settings: '设置',
};

/** What an entry acted on, by the name people know it by (an account's username, a token's label) when known, else its id. */
export function targetLabel(target: AuditEntry['target'], name: (kind: string, id: string) => string | undefined = () => undefined): string {
  return target === null ? '—' : `${TARGET_LABELS[target.kind]} ${name(target.kind, target.id) ?? target.id}`;
}

/** The field names a record's before/after carries, in words; unknown ones are shown as they are. */
const FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  role: '角色',
  domainIds: '负责领域',
  active: '状态',
  label: '名称',
  revokedAt: '撤销时间',
  openedAt: '打开时间',
  issuedAt: '签发时间',
  createdAt: '创建时间',
  state: '状态',
  decision: '审核结论',
  comment: '意见',
};

type Names = { domain: (id: string) => string };

/** A timestamp as the server writes them (2017-07-03T04:00:05.123Z), shown in Beijing time like the rest of the log. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function readableValue(key: string, value: unknown, names: Names): string {
  if (value === null || value === undefined) return '—';
  if (key === 'role' && typeof value === 'string') return ROLES.find((r) => r === value) ? ROLE_LABELS[value as keyof typeof ROLE_LABELS] : value;
  if (key === 'active' && typeof value === 'boolean') return value ? '启用' : '停用';
  if (key === 'domainIds' && Array.isArray(value)) return value.length === 0 ? '无' : value.map((id) => names.domain(String(id))).join('、');
  if (typeof value === 'string') return INSTANT.test(value) ? formatInstant(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export type ChangeLine = { field: string; before: string | null; after: string | null };

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * An entry's before and after as lines a person reads: for a change, only the fields that differ
 * (角色:查看者 → 填报员); for a creation, what it was created with; ids and hashes never appear
 * (the server redacts secrets). A value that is not a record is shown whole.
 */
export function changeLines(before: unknown, after: unknown, names: Names): ChangeLine[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if ((before !== null && before !== undefined && b === null) || (after !== null && after !== undefined && a === null)) {
    return [{ field: '内容', before: before == null ? null : JSON.stringify(before), after: after == null ? null : JSON.stringify(after) }];
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((key) => key !== 'id');
  const lines: ChangeLine[] = [];
  for (const key of keys) {
    const was = b?.[key];
    const is = a?.[key];
    if (b && a && JSON.stringify(was) === JSON.stringify(is)) continue;
    lines.push({
      field: FIELD_LABELS[key] ?? key,
      before: b && key in b ? readableValue(key, was, names) : null,
      after: a && key in a ? readableValue(key, is, names) : null,
    });
  }
  return lines;
}
