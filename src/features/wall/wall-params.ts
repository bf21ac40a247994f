// The wall is configured by its URL alone: a kiosk is set up once, by whoever types the address, and
// nobody touches it afterwards. Every parameter is read leniently: a bad value falls back to the
// default and, where the person who set it up would want to know, says so on screen.

export const DEFAULT_INTERVAL_SECONDS = 20;
export const MIN_INTERVAL_SECONDS = 5;
export const MAX_INTERVAL_SECONDS = 600;

export type WallTheme = 'dark' | 'light';

export interface WallParams {
  /** Seconds each slide stays up, already clamped. */
  intervalSeconds: number;
  /** `?domains=a,b` in the order given, duplicates and blanks dropped; undefined when absent. */
  requestedDomainIds: readonly string[] | undefined;
  theme: WallTheme;
  /** `?pinned=1`: only the domains pinned in this browser (我的领域). */
  pinnedOnly: boolean;
}

/** Plain seconds: "20", "7.5". Anything else ("abc", "1e3", "20s", "-5", "") falls back to the default. */
const SECONDS = /^\s*\d{1,9}(?:\.\d{1,3})?\s*$/;

export function parseInterval(raw: string | null): number {
  if (raw === null || !SECONDS.test(raw)) return DEFAULT_INTERVAL_SECONDS;
  return Math.min(MAX_INTERVAL_SECONDS, Math.max(MIN_INTERVAL_SECONDS, Number(raw)));
}

function parseDomainList(raw: string | null): readonly string[] | undefined {
  if (raw === null) return undefined;
  const ids = [...new Set(raw.split(',').map((id) => id.trim()).filter((id) => id !== ''))];
  return ids.length === 0 ? undefined : ids;
}

export function parseWallParams(search: URLSearchParams): WallParams {
  const pinned = search.get('pinned');
  return {
    intervalSeconds: parseInterval(search.get('interval')),
    requestedDomainIds: parseDomainList(search.get('domains')),
    theme: search.get('theme') === 'light' ? 'light' : 'dark',
    pinnedOnly: pinned === '1' || pinned === 'true',
  };
}

export interface WallSelection {
  /** The domains the wall rotates through, in report order. */
  domainIds: readonly string[];
  /** Requested ids the report does not have, for the note on screen. */
  ignoredIds: readonly string[];
  /** Why the wall shows something other than what was asked for, in the users' words; or undefined. */
  note: string | undefined;
}

/**
 * Which domains to show. An explicit `?domains=` list wins over `?pinned=1`; either falls back to every
 * domain (with a note) rather than to an empty wall. Report order is kept so every wall reads alike.
 */
export function selectDomains(
  reportDomainIds: readonly string[],
  params: Pick<WallParams, 'requestedDomainIds' | 'pinnedOnly'>,
  pinnedIds: readonly string[],
): WallSelection {
  const known = new Set(reportDomainIds);
  if (params.requestedDomainIds !== undefined) {
    const wanted = new Set(params.requestedDomainIds.filter((id) => known.has(id)));
    const ignoredIds = params.requestedDomainIds.filter((id) => !known.has(id));
    const ignoredNote = ignoredIds.length > 0 ? `已忽略未知领域:${ignoredIds.join('、')}` : undefined;
    if (wanted.size === 0) {
      return { domainIds: reportDomainIds, ignoredIds, note: `${ignoredNote ?? ''};显示全部领域` };
    }
    return { domainIds: reportDomainIds.filter((id) => wanted.has(id)), ignoredIds, note: ignoredNote };
  }
  if (params.pinnedOnly) {
    const pinned = new Set(pinnedIds);
    const domainIds = reportDomainIds.filter((id) => pinned.has(id));
    if (domainIds.length === 0) return { domainIds: reportDomainIds, ignoredIds: [], note: '尚未设置“我的领域”,显示全部领域' };
    return { domainIds, ignoredIds: [], note: undefined };
  }
  return { domainIds: reportDomainIds, ignoredIds: [], note: undefined };
}
