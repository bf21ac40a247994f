import type { Status } from './types';

/** Urgency order: what a meeting must talk about first comes first. */
export const STATUSES: readonly Status[] = [
  'far-behind',
  'behind',
  'on-track',
  'ahead',
  'complete',
  'in-progress',
  'no-target',
];

export interface StatusMeta {
  /** The word shown with the colour, so that no one needs the colour. */
  label: string;
  /** The shape shown with the colour, for the same reason. */
  icon: string;
  /** Position in `STATUSES`: lower is more urgent. */
  rank: number;
}

export const STATUS_META: Record<Status, StatusMeta> = {
  'far-behind': { label: '严重滞后', icon: '‼', rank: 0 },
  behind: { label: '滞后', icon: '▼', rank: 1 },
  'on-track': { label: '正常', icon: '●', rank: 2 },
  ahead: { label: '超前', icon: '▲', rank: 3 },
  complete: { label: '已完成', icon: '✓', rank: 4 },
  'in-progress': { label: '推进中', icon: '◐', rank: 5 },
  'no-target': { label: '无目标', icon: '–', rank: 6 },
};

export function compareStatus(a: Status, b: Status): number {
  return STATUS_META[a].rank - STATUS_META[b].rank;
}

export function emptyCounts(): Record<Status, number> {
  return { 'far-behind': 0, behind: 0, 'on-track': 0, ahead: 0, complete: 0, 'in-progress': 0, 'no-target': 0 };
}

/** The statuses that have metrics in them, most urgent first: what a list of counts shows. */
export function statusesPresent(counts: Readonly<Record<Status, number>>): Status[] {
  return STATUSES.filter((status) => counts[status] > 0);
}
