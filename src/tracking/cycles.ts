import type { CycleSettings, ReportingFrequency, UpdateState } from '../api/tracking-schemas';
import { addDays, firstOfYear, instantAt, instantOf, isoWeekday, localDateOf } from './dates';
import { TRACKING_RULES } from './rules';

// The reporting cycle (填报周期). Updates are due weekly at a deadline before the meeting (a setting:
// Monday 12:00 district time by default). A cycle runs from just after one deadline up to and including
// the next: an update submitted in it counts for the meeting after it. The cycles belong to the plan's
// year: the first opens on 1 January, the last is due at the end of 31 December, and once the year is
// over no cycle is open and nothing is overdue.
//
// 逾期未报: once a deadline has passed, a domain with no submitted or approved update since the
// deadline before it (on time, or late but since) is overdue until it submits. A returned update does not
// count: it is fixed and resubmitted. A late update also counts for the cycle it falls in, so a
// department that reports one hour late is overdue for that hour, not for two weeks.

const MS_PER_DAY = 86_400_000;
const WEEK = 7 * MS_PER_DAY;

export const DEFAULT_CYCLE_SETTINGS: CycleSettings = {
  deadline: { ...TRACKING_RULES.defaultDeadline },
  frequencies: {},
};

export interface Cycle {
  /** Exclusive: an update at this instant belongs to the cycle before. */
  opensAt: number;
  /** Inclusive: an update at the deadline is on time. */
  dueAt: number;
  /** The district dates of the two instants, for display. */
  opensOn: string;
  dueOn: string;
}

/** An instant as the district reads it: 2017-07-03T12:00:00+08:00. */
export function districtTimestamp(instant: number, offsetMinutes: number = TRACKING_RULES.utcOffsetMinutes): string {
  const local = new Date(instant + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function yearBounds(year: number): { start: number; end: number } {
  return { start: instantAt(firstOfYear(year), '00:00'), end: instantAt(firstOfYear(year + 1), '00:00') };
}

/** The first weekly deadline at or after an instant (not clamped to any year). */
export function deadlineOnOrAfter(instant: number, settings: CycleSettings = DEFAULT_CYCLE_SETTINGS): number {
  const { weekday, time } = settings.deadline;
  const today = localDateOf(instant);
  const ahead = (weekday - isoWeekday(today) + 7) % 7;
  const candidate = instantAt(addDays(today, ahead), time);
  return candidate >= instant ? candidate : candidate + WEEK;
}

function cycle(opensAt: number, dueAt: number): Cycle {
  // The end of the year is midnight starting 1 January; people read it as due on 31 December.
  return { opensAt, dueAt, opensOn: localDateOf(opensAt), dueOn: localDateOf(dueAt - 1) };
}

/** The cycle whose deadline is the next one at or after `now`, clamped to the plan's year; null outside it. */
export function currentCycle(now: number, year: number, settings: CycleSettings = DEFAULT_CYCLE_SETTINGS): Cycle | null {
  const { start, end } = yearBounds(year);
  if (now < start || now >= end) return null;
  const due = deadlineOnOrAfter(now, settings);
  return cycle(Math.max(due - WEEK, start), Math.min(due, end));
}

/** The cycle whose deadline passed most recently before `now`, within the plan's year; null if none has. */
export function lastDueCycle(now: number, year: number, settings: CycleSettings = DEFAULT_CYCLE_SETTINGS): Cycle | null {
  const current = currentCycle(now, year, settings);
  if (current === null) return null;
  const { start } = yearBounds(year);
  if (current.opensAt <= start) return null;
  return cycle(Math.max(current.opensAt - WEEK, start), current.opensAt);
}

/** What counts as having reported: an update that is waiting for review or was approved. */
export interface UpdateStamp {
  state: UpdateState;
  /** ISO timestamp. */
  submittedAt: string;
}

function counts(update: UpdateStamp, after: number, upTo: number): boolean {
  if (update.state === 'returned') return false;
  const at = instantOf(update.submittedAt);
  return at > after && at <= upTo;
}

export interface ReportingState {
  /** The cycle being filled now; null when the plan's year is over. */
  current: Cycle | null;
  /** Whether the domain has a submitted or approved update in the current cycle. */
  reportedThisCycle: boolean;
  /** 逾期未报: the last deadline passed with nothing from the domain since the deadline before it. */
  overdue: boolean;
  /** The deadline that was missed, when overdue. */
  missedDueAt?: number;
}

/** Where one domain stands at `now`, from its updates' states and submission times. */
export function reportingState(
  updates: readonly UpdateStamp[],
  now: number,
  year: number,
  settings: CycleSettings = DEFAULT_CYCLE_SETTINGS,
): ReportingState {
  const current = currentCycle(now, year, settings);
  if (current === null) return { current, reportedThisCycle: false, overdue: false };
  const reportedThisCycle = updates.some((u) => counts(u, current.opensAt, current.dueAt));
  const missed = lastDueCycle(now, year, settings);
  if (missed === null) return { current, reportedThisCycle, overdue: false };
  const overdue = !updates.some((u) => counts(u, missed.opensAt, now));
  return overdue ? { current, reportedThisCycle, overdue, missedDueAt: missed.dueAt } : { current, reportedThisCycle, overdue };
}

// ---------------------------------------------------------------------------------------------------
// Metrics reported monthly or quarterly

export function metricFrequency(settings: CycleSettings, domainId: string, metricId: string): ReportingFrequency {
  return settings.frequencies[`${domainId}/${metricId}`] ?? 'weekly';
}

function firstOfNextMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 12 ? firstOfYear(y + 1) : `${date.slice(0, 4)}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The first day of the month (or quarter) whose start falls inside the cycle: the period before it is due now. */
function periodBoundaryIn(frequency: Exclude<ReportingFrequency, 'weekly'>, c: Cycle): string | undefined {
  const monthsPer = frequency === 'monthly' ? 1 : 3;
  // A week holds at most one month's start: the first of its last day's month, or, for the year's last
  // cycle (due at the midnight ending 31 December), the first of the month after.
  for (const date of [`${c.dueOn.slice(0, 7)}-01`, firstOfNextMonth(c.dueOn)]) {
    if ((Number(date.slice(5, 7)) - 1) % monthsPer !== 0) continue;
    const boundary = instantAt(date, '00:00');
    if (boundary > c.opensAt && boundary <= c.dueAt) return date;
  }
  return undefined;
}

/** Whether a metric's figure is expected in this cycle: weekly always, monthly and quarterly after their period ends. */
export function metricDueInCycle(frequency: ReportingFrequency, c: Cycle): boolean {
  return frequency === 'weekly' || periodBoundaryIn(frequency, c) !== undefined;
}

/**
 * The as-of date the form offers: a monthly or quarterly figure is for the last day of the period that
 * just ended (GDP in the cycle after 1 July: 2017-06-30); a weekly one for today, or the due day if earlier.
 */
export function defaultAsOf(frequency: ReportingFrequency, c: Cycle, today: string): string {
  if (frequency !== 'weekly') {
    const boundary = periodBoundaryIn(frequency, c);
    if (boundary !== undefined) return addDays(boundary, -1);
  }
  return today < c.dueOn ? today : c.dueOn;
}
