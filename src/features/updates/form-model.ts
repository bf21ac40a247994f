import type { Domain, Metric, MilestoneState } from '../../api';
import type { Narrative, Update, UpdateSubmission } from '../../api/tracking-schemas';
import { statusChangeWith } from '../../report-data/figure-preview';
import type { Status } from '../../progress';
import { checkTypedRow, type CheckedRow, type Refusal, type Warning } from '../../tracking';

// What the 填报 form holds and decides, apart from how it is drawn: a row per metric as typed, checked
// with src/tracking's checkTypedRow; milestone states; the narrative; the body of the one request that
// submits it all; a column pasted from Excel; and the server's refusals put back beside their fields.

/** The cells of a metric's row, as typed. */
export interface RowDraft {
  value: string;
  asOf: string;
  basis: string;
  note: string;
  /** The warnings the person ticked, by their text: a changed value brings new ones to confirm. */
  confirmed: string;
  /**
   * The metric's approved observation when this row was first typed in: what the update supersedes.
   * Kept from then on, so figures approved meanwhile end in a 409 the person sees, not a silent overwrite.
   */
  supersedes?: string | null;
}

export interface MilestoneDraft {
  state: MilestoneState;
  note: string;
}

export interface FormDraft {
  rows: Record<string, RowDraft>;
  milestones: Record<string, MilestoneDraft>;
  narrative: Narrative;
  /** The returned update this one fixes. */
  resubmits?: string;
}

export const EMPTY_ROW: RowDraft = { value: '', asOf: '', basis: '', note: '', confirmed: '' };
export const EMPTY_NARRATIVE: Narrative = { progress: '', problems: '', nextSteps: '' };

export const NARRATIVE_PARTS: readonly { key: keyof Narrative; label: string }[] = [
  { key: 'progress', label: '工作进展' },
  { key: 'problems', label: '存在问题' },
  { key: 'nextSteps', label: '下步打算' },
];

export function emptyDraft(domain: Domain): FormDraft {
  return {
    rows: {},
    milestones: Object.fromEntries(domain.milestones.map((m) => [m.id, { state: m.state, note: '' }])),
    narrative: { ...EMPTY_NARRATIVE },
  };
}

/** A returned update loaded back into the form, to fix and resubmit. */
export function draftFromReturned(domain: Domain, update: Update): FormDraft {
  const draft = emptyDraft(domain);
  for (const o of update.observations) {
    draft.rows[o.metricId] = {
      value: String(o.value),
      asOf: o.asOf,
      basis: o.basis ?? '',
      note: o.note ?? '',
      confirmed: '',
      // Measured against what is approved now, which may have moved since it was returned.
      supersedes: domain.metrics.find((m) => m.id === o.metricId)?.observationId ?? o.supersedes,
    };
  }
  for (const m of update.milestones) draft.milestones[m.milestoneId] = { state: m.state, note: m.note ?? '' };
  if (update.narrative !== null) draft.narrative = { ...update.narrative };
  draft.resubmits = update.id;
  return draft;
}

/** A row after the person typed in it: the base it supersedes is fixed at the first keystroke. */
export function editRow(draft: RowDraft | undefined, metric: Metric, patch: Partial<RowDraft>): RowDraft {
  const row = { ...(draft ?? EMPTY_ROW), ...patch };
  if (row.supersedes === undefined) row.supersedes = metric.observationId ?? null;
  return row;
}

// ---------------------------------------------------------------------------------------------------
// Checking

export interface RowCheck {
  metric: Metric;
  /** A new value was typed: the row is part of the update. */
  active: boolean;
  checked: CheckedRow | undefined;
  /** Refusals not about the typed figure itself (details typed without a value). */
  refusals: Refusal[];
  warnings: Warning[];
  /** The warnings are ticked (or there are none). */
  confirmed: boolean;
  preview: { before: Status; after: Status } | undefined;
}

export interface CheckContext {
  today: string;
  year: number;
}

/** The key that ties a tick to the warnings it confirmed. */
export function warningsKey(warnings: readonly Warning[]): string {
  return warnings.map((w) => w.message).join('\n');
}

export function checkRow(metric: Metric, draft: RowDraft | undefined, context: CheckContext): RowCheck {
  const row = draft ?? EMPTY_ROW;
  const active = row.value.trim() !== '';
  if (!active) {
    const detailsOnly = row.asOf.trim() !== '' || row.basis.trim() !== '' || row.note.trim() !== '';
    const refusals: Refusal[] = detailsOnly
      ? [{ field: 'value', code: 'empty', message: `${metric.label}填写了截至日期、依据或备注，但没有新值` }]
      : [];
    return { metric, active, checked: undefined, refusals, warnings: [], confirmed: true, preview: undefined };
  }
  const last = { value: metric.value, asOf: metric.asOf };
  const checked = checkTypedRow({ value: row.value, asOf: row.asOf }, { ...metric, label: metric.label }, last, context);
  const preview =
    checked.figure !== undefined && checked.asOf !== undefined && checked.refusals.length === 0
      ? statusChangeWith(metric, { value: checked.figure.value, qualifier: checked.figure.qualifier ?? 'exact', asOf: checked.asOf })
      : undefined;
  const { warnings } = checked;
  return {
    metric,
    active,
    checked,
    refusals: checked.refusals,
    warnings,
    confirmed: warnings.length === 0 || row.confirmed === warningsKey(warnings),
    preview,
  };
}

export interface FormCheck {
  rows: RowCheck[];
  refusals: number;
  unconfirmed: number;
  /** Something to send: a figure, a milestone change or a narrative. */
  hasContent: boolean;
}

/**
 * checkRow remembering its last answer per metric: typing in one row re-checks that row only, so the
 * other rows keep their RowCheck objects (and their memoised rendering).
 */
export function createRowChecker(): (metric: Metric, draft: RowDraft | undefined, context: CheckContext) => RowCheck {
  const last = new Map<string, { metric: Metric; draft: RowDraft | undefined; context: CheckContext; check: RowCheck }>();
  return (metric, draft, context) => {
    const seen = last.get(metric.id);
    if (seen !== undefined && seen.metric === metric && seen.draft === draft && seen.context === context) return seen.check;
    const check = checkRow(metric, draft, context);
    last.set(metric.id, { metric, draft, context, check });
    return check;
  };
}

export function checkForm(domain: Domain, draft: FormDraft, context: CheckContext, check = checkRow): FormCheck {
  const rows = domain.metrics.map((metric) => check(metric, draft.rows[metric.id], context));
  return {
    rows,
    refusals: rows.reduce((n, r) => n + r.refusals.length, 0),
    unconfirmed: rows.filter((r) => !r.confirmed).length,
    hasContent: rows.some((r) => r.active) || changedMilestones(domain, draft).length > 0 || narrativeOf(draft) !== undefined,
  };
}

function changedMilestones(domain: Domain, draft: FormDraft) {
  return domain.milestones.flatMap((m) => {
    const typed = draft.milestones[m.id];
    if (typed === undefined || (typed.state === m.state && typed.note.trim() === '')) return [];
    return [{ milestoneId: m.id, state: typed.state, ...(typed.note.trim() === '' ? {} : { note: typed.note.trim() }) }];
  });
}

function narrativeOf(draft: FormDraft): Narrative | undefined {
  const { progress, problems, nextSteps } = draft.narrative;
  if ([progress, problems, nextSteps].every((part) => part.trim() === '')) return undefined;
  return { progress: progress.trim(), problems: problems.trim(), nextSteps: nextSteps.trim() };
}

/**
 * The one request of the update, from a form that passed its checks; `metricIds[i]` is the metric of
 * `observations[i]`, to put the server's refusals back beside their fields.
 */
export function submissionOf(domain: Domain, draft: FormDraft, check: FormCheck): { body: UpdateSubmission; metricIds: string[]; milestoneIds: string[] } {
  const observations = check.rows.flatMap(({ metric, active, checked }) => {
    if (!active || checked?.figure === undefined || checked.asOf === undefined) return [];
    const row = draft.rows[metric.id] ?? EMPTY_ROW;
    const { qualifier } = checked.figure;
    return [
      {
        metricId: metric.id,
        value: checked.figure.value,
        ...(qualifier === undefined ? {} : { qualifier }),
        asOf: checked.asOf,
        ...(row.basis.trim() === '' ? {} : { basis: row.basis.trim() }),
        ...(row.note.trim() === '' ? {} : { note: row.note.trim() }),
        supersedes: row.supersedes === undefined ? (metric.observationId ?? null) : row.supersedes,
      },
    ];
  });
  const milestones = changedMilestones(domain, draft);
  const narrative = narrativeOf(draft);
  const body: UpdateSubmission = {
    observations,
    ...(milestones.length === 0 ? {} : { milestones }),
    ...(narrative === undefined ? {} : { narrative }),
    ...(draft.resubmits === undefined ? {} : { resubmits: draft.resubmits }),
  };
  return { body, metricIds: observations.map((o) => o.metricId), milestoneIds: milestones.map((m) => m.milestoneId) };
}

// ---------------------------------------------------------------------------------------------------
// The server's refusals, beside their fields

/** Where a field's message goes in the form: `obs:good-air-days:asOf`, `ms:…:note`, `narrative:progress`. */
export type FieldKey = string;
export const obsKey = (metricId: string, field: 'value' | 'asOf' | 'basis' | 'note') => `obs:${metricId}:${field}`;
export const milestoneKey = (milestoneId: string, field: 'state' | 'note') => `ms:${milestoneId}:${field}`;
export const narrativeKey = (part: keyof Narrative) => `narrative:${part}`;

const OBSERVATION_FIELD: Record<string, 'value' | 'asOf' | 'basis' | 'note'> = {
  value: 'value',
  unit: 'value',
  qualifier: 'value',
  asOf: 'asOf',
  basis: 'basis',
  note: 'note',
};

/** The server's `errors` by form field; those that name no field of the form stay in `other`. */
export function placeServerErrors(
  errors: readonly { field: string; detail: string }[],
  sent: { metricIds: readonly string[]; milestoneIds: readonly string[] },
): { byField: Map<FieldKey, string>; other: string[] } {
  const byField = new Map<FieldKey, string>();
  const other: string[] = [];
  for (const { field, detail } of errors) {
    const obs = /^observations\[(\d+)\]\.(\w+)/.exec(field);
    const ms = /^milestones\[(\d+)\]\.(\w+)/.exec(field);
    const nar = /^narrative\.(progress|problems|nextSteps)$/.exec(field);
    const metricId = obs ? sent.metricIds[Number(obs[1])] : undefined;
    const milestoneId = ms ? sent.milestoneIds[Number(ms[1])] : undefined;
    const obsField = obs ? OBSERVATION_FIELD[obs[2] ?? ''] : undefined;
    if (metricId !== undefined && obsField !== undefined) byField.set(obsKey(metricId, obsField), detail);
    else if (milestoneId !== undefined && (ms?.[2] === 'state' || ms?.[2] === 'note')) byField.set(milestoneKey(milestoneId, ms[2]), detail);
    else if (nar?.[1] === 'progress' || nar?.[1] === 'problems' || nar?.[1] === 'nextSteps') byField.set(narrativeKey(nar[1]), detail);
    else other.push(field === '' ? detail : `${field}: ${detail}`);
  }
  return { byField, other };
}

// ---------------------------------------------------------------------------------------------------
// Pasting from Excel

/** The row's cells in the order Excel's columns fill them, from the cell pasted into. */
export const PASTE_COLUMNS = ['value', 'asOf', 'basis', 'note'] as const;
export type PasteColumn = (typeof PASTE_COLUMNS)[number];

/**
 * Cells copied from a spreadsheet: lines by newline, cells by tab. A single cell (Excel adds a newline
 * to it) is not a table: undefined, and the browser pastes it as usual.
 */
export function pastedCells(text: string): string[][] | undefined {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  if (lines.length <= 1 && !text.includes('\t')) return undefined;
  return lines.map((line) => line.split('\t'));
}

/**
 * The rows after pasting `cells` at `metricIds[start]`'s `column`: each line fills the next metric down,
 * each cell the next column right. Lines beyond the last metric are counted, not lost silently.
 */
export function applyPaste(
  rows: Record<string, RowDraft>,
  metrics: readonly Metric[],
  start: number,
  column: PasteColumn,
  cells: readonly (readonly string[])[],
): { rows: Record<string, RowDraft>; filled: number; overflow: number } {
  const out = { ...rows };
  const first = PASTE_COLUMNS.indexOf(column);
  let filled = 0;
  cells.forEach((line, i) => {
    const metric = metrics[start + i];
    if (metric === undefined) return;
    const patch: Partial<RowDraft> = {};
    line.forEach((cell, j) => {
      const key = PASTE_COLUMNS[first + j];
      if (key !== undefined) patch[key] = cell.trim();
    });
    out[metric.id] = editRow(out[metric.id], metric, patch);
    filled += 1;
  });
  return { rows: out, filled, overflow: Math.max(0, start + cells.length - metrics.length) };
}
