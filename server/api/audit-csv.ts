import type { StoredAuditEntry } from '../core/account-store';

/** UTF-8's byte order mark: without it Excel reads a CSV in the system's code page and garbles Chinese. */
const BOM = '\uFEFF';

const HEADER = ['时间', '操作人', '操作人编号', '操作', '对象类型', '对象编号', '领域', '之前', '之后', '来源地址', '请求编号'];

/**
 * One cell. A cell that a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return that hides one) gets a leading apostrophe, so an account name like =HYPERLINK(…)
 * is shown, never evaluated (OWASP, CSV injection). Quotes per RFC 4180 when needed.
 */
export function csvCell(value: string | null): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The instant as the district reads it: 2017-07-03 12:00:00 (+08:00). */
function districtTime(at: Date): string {
  return new Date(at.getTime() + 8 * 60 * 60 * 1000).toISOString().replace('T', ' ').slice(0, 19);
}

const asJson = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

/** The audit log as CSV for Excel: BOM, a header row, CRLF line ends, every cell guarded. */
export function auditCsv(entries: readonly StoredAuditEntry[]): string {
  const rows = entries.map((entry) => [
    districtTime(entry.at),
    entry.who?.username ?? '',
    entry.who?.id ?? '',
    entry.action,
    entry.target?.kind ?? '',
    entry.target?.id ?? '',
    entry.target?.domainId ?? '',
    asJson(entry.before),
    asJson(entry.after),
    entry.address ?? '',
    entry.requestId,
  ]);
  return `${BOM}${[HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
