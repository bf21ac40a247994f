import type { Direction, Target } from '../../src/api/schemas';
import type {
  DomainRecord,
  Extra,
  ExclusionRecord,
  MetricRecord,
  MilestoneRecord,
  MilestoneStateRecord,
  ObservationRecord,
  ObservationSourceKind,
  ObservationState,
  ParagraphRecord,
  ReportRecord,
  SectionRecord,
} from '../core/records';
import type { Store } from '../core/store';
import type { Queryable } from './database';

// Dates and numbers come back as text from both drivers (pg and PGlite parse them differently
// otherwise): `numeric` as its exact decimal, dates as YYYY-MM-DD, timestamps as ISO in UTC.
export const DAY = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
export const INSTANT = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** NULL columns are absent fields, as in the contract's optional ones. */
export function optional<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The Store on PostgreSQL (a server, or PGlite embedded): the same SQL for both. */
export function createSqlStore(db: Queryable): Store {
  return {
    async listReports() {
      const rows = await db.query<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM reports ORDER BY published_on, id`);
      return rows.map(toReport);
    },

    async getReport(reportId) {
      const [row] = await db.query<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM reports WHERE id = $1`, [reportId]);
      return row === undefined ? undefined : toReport(row);
    },

    async listSections(reportId) {
      const rows = await db.query<{ id: string; position: number; title: string; extra: Extra }>(
        'SELECT id, position, title, extra FROM sections WHERE report_id = $1 ORDER BY position',
        [reportId],
      );
      return rows.map((row): SectionRecord => ({ reportId, ...row }));
    },

    async listDomains(reportId) {
      const rows = await db.query<DomainRow>(`SELECT ${DOMAIN_COLUMNS} FROM domains WHERE report_id = $1 ORDER BY position`, [reportId]);
      return rows.map(toDomain);
    },

    async getDomain(reportId, domainId) {
      const [row] = await db.query<DomainRow>(`SELECT ${DOMAIN_COLUMNS} FROM domains WHERE report_id = $1 AND id = $2`, [reportId, domainId]);
      return row === undefined ? undefined : toDomain(row);
    },

    async listMetrics(reportId, domainId) {
      const rows = await db.query<MetricRow>(
        `SELECT m.report_id, m.domain_id, m.id, m.position, m.label, m.unit, m.direction, m.target, m.parent_id, m.extra
           FROM metrics m JOIN domains d ON d.report_id = m.report_id AND d.id = m.domain_id
          WHERE m.report_id = $1 AND ($2::text IS NULL OR m.domain_id = $2)
          ORDER BY d.position, m.position`,
        [reportId, domainId ?? null],
      );
      return rows.map(
        (row): MetricRecord => ({
          reportId: row.report_id,
          domainId: row.domain_id,
          id: row.id,
          position: row.position,
          label: row.label,
          unit: row.unit,
          direction: row.direction,
          ...optional('target', row.target),
          ...optional('parentId', row.parent_id),
          extra: row.extra,
        }),
      );
    },

    async listObservations(reportId, domainId, states) {
      const rows = await db.query<ObservationRow>(
        `SELECT ${OBSERVATION_COLUMNS} FROM observations
          WHERE report_id = $1 AND domain_id = $2 AND state = ANY($3::text[])
          ORDER BY id`,
        [reportId, domainId, [...states]],
      );
      return rows.map(toObservation);
    },

    async listMilestones(reportId, domainId) {
      const rows = await db.query<{ id: string; position: number; text: string; source_quote: string; extra: Extra }>(
        'SELECT id, position, text, source_quote, extra FROM milestones WHERE report_id = $1 AND domain_id = $2 ORDER BY position',
        [reportId, domainId],
      );
      return rows.map(
        ({ id, position, text, source_quote, extra }): MilestoneRecord => ({ reportId, domainId, id, position, text, sourceQuote: source_quote, extra }),
      );
    },

    async listMilestoneStates(reportId, domainId, approvals) {
      const rows = await db.query<{
        id: string;
        milestone_id: string;
        state: string;
        source_kind: ObservationSourceKind;
        approval: ObservationState;
        entered_by: string | null;
        entered_at: string;
      }>(
        `SELECT id::text AS id, milestone_id, state, source_kind, approval, entered_by, ${INSTANT('entered_at')} AS entered_at
           FROM milestone_states
          WHERE report_id = $1 AND domain_id = $2 AND approval = ANY($3::text[])
          ORDER BY id`,
        [reportId, domainId, [...approvals]],
      );
      return rows.map(
        (row): MilestoneStateRecord => ({
          id: row.id,
          reportId,
          domainId,
          milestoneId: row.milestone_id,
          state: row.state,
          sourceKind: row.source_kind,
          approval: row.approval,
          ...optional('enteredBy', row.entered_by),
          enteredAt: row.entered_at,
        }),
      );
    },

    async listParagraphs(reportId) {
      const rows = await db.query<{ position: number; id: string; domain_id: string | null; kind: string; text: string; extra: Extra }>(
        'SELECT position, id, domain_id, kind, text, extra FROM report_paragraphs WHERE report_id = $1 ORDER BY position',
        [reportId],
      );
      return rows.map(
        ({ position, id, domain_id, kind, text, extra }): ParagraphRecord => ({
          reportId,
          position,
          id,
          ...optional('domainId', domain_id),
          kind,
          text,
          extra,
        }),
      );
    },

    async listExclusions(reportId) {
      const rows = await db.query<{ position: number; figure: string; quote: string; reason: string; extra: Extra }>(
        'SELECT position, figure, quote, reason, extra FROM report_exclusions WHERE report_id = $1 ORDER BY position',
        [reportId],
      );
      return rows.map((row): ExclusionRecord => ({ reportId, ...row }));
    },

    async dataVersion() {
      const [row] = await db.query<{ version: string }>('SELECT version::text AS version FROM data_version');
      return row?.version ?? '0';
    },
  };
}

const REPORT_COLUMNS = `id, title, district, city, ${DAY('published_on')} AS published_on, year, extra`;
interface ReportRow {
  id: string;
  title: string;
  district: string;
  city: string;
  published_on: string;
  year: number;
  extra: Extra;
}
function toReport({ published_on, ...row }: ReportRow): ReportRecord {
  return { ...row, publishedOn: published_on };
}

const DOMAIN_COLUMNS = 'report_id, id, section_id, position, name, note, extra';
interface DomainRow {
  report_id: string;
  id: string;
  section_id: string;
  position: number;
  name: string;
  note: string | null;
  extra: Extra;
}
function toDomain(row: DomainRow): DomainRecord {
  return {
    reportId: row.report_id,
    id: row.id,
    sectionId: row.section_id,
    position: row.position,
    name: row.name,
    ...optional('note', row.note),
    extra: row.extra,
  };
}

interface MetricRow {
  report_id: string;
  domain_id: string;
  id: string;
  position: number;
  label: string;
  unit: string;
  direction: Direction;
  target: Target | null;
  parent_id: string | null;
  extra: Extra;
}

export const OBSERVATION_COLUMNS = `id::text AS id, report_id, domain_id, metric_id, value::text AS value, unit, qualifier,
  ${DAY('as_of')} AS as_of, as_of_stated, as_of_note, note, basis, source_kind, source_quote, source_figure, state,
  supersedes::text AS supersedes, entered_by, entered_by_name, ${INSTANT('entered_at')} AS entered_at,
  ${INSTANT('approved_at')} AS approved_at, update_id::text AS update_id, extra`;

export interface ObservationRow {
  id: string;
  report_id: string;
  domain_id: string;
  metric_id: string;
  value: string;
  unit: string;
  qualifier: string;
  as_of: string;
  as_of_stated: boolean;
  as_of_note: string | null;
  note: string | null;
  basis: string | null;
  source_kind: ObservationSourceKind;
  source_quote: string | null;
  source_figure: string | null;
  state: ObservationState;
  supersedes: string | null;
  entered_by: string | null;
  entered_by_name: string | null;
  entered_at: string;
  approved_at: string | null;
  update_id: string | null;
  extra: Extra;
}

export function toObservation(row: ObservationRow): ObservationRecord {
  return {
    id: row.id,
    reportId: row.report_id,
    domainId: row.domain_id,
    metricId: row.metric_id,
    value: Number(row.value),
    unit: row.unit,
    qualifier: row.qualifier,
    asOf: row.as_of,
    asOfStated: row.as_of_stated,
    ...optional('asOfNote', row.as_of_note),
    ...optional('note', row.note),
    ...optional('basis', row.basis),
    source: {
      kind: row.source_kind,
      ...optional('quote', row.source_quote),
      ...optional('figure', row.source_figure),
    },
    state: row.state,
    ...optional('supersedes', row.supersedes),
    ...optional('enteredBy', row.entered_by),
    ...optional('enteredByName', row.entered_by_name),
    enteredAt: row.entered_at,
    ...optional('approvedAt', row.approved_at),
    ...optional('updateId', row.update_id),
    extra: row.extra,
  };
}
