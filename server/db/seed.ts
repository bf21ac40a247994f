import type { ReportDataset } from '../core/dataset';
import { reportRecords } from '../core/dataset';
import type { Database, Queryable } from './database';

/** Held while seeding, so two servers starting on one empty database seed it once. */
const SEED_LOCK = 7_465_736_002;

/**
 * Loads the datasets into an empty database, in one transaction: the first start of a new database.
 * A database that holds any report is left alone (the seed runs once). Resolves to whether it seeded.
 */
export async function seedIfEmpty(db: Database, datasets: readonly ReportDataset[]): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [SEED_LOCK]);
    const [row] = await tx.query<{ reports: number }>('SELECT count(*)::integer AS reports FROM reports');
    if ((row?.reports ?? 0) > 0) return false;
    const [now] = await tx.query<{ at: string }>(`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at`);
    for (const dataset of datasets) await insertReport(tx, dataset, now?.at ?? new Date().toISOString());
    await tx.query('UPDATE data_version SET version = version + 1');
    return true;
  });
}

async function insertReport(tx: Queryable, dataset: ReportDataset, enteredAt: string): Promise<void> {
  const records = reportRecords(dataset, enteredAt);
  const { report } = records;
  await tx.query('INSERT INTO reports (id, title, district, city, published_on, year, extra) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    report.id,
    report.title,
    report.district,
    report.city,
    report.publishedOn,
    report.year,
    report.extra,
  ]);
  for (const s of records.sections) {
    await tx.query('INSERT INTO sections (report_id, id, position, title, extra) VALUES ($1, $2, $3, $4, $5)', [s.reportId, s.id, s.position, s.title, s.extra]);
  }
  for (const d of records.domains) {
    await tx.query('INSERT INTO domains (report_id, id, section_id, position, name, note, extra) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      d.reportId,
      d.id,
      d.sectionId,
      d.position,
      d.name,
      d.note ?? null,
      d.extra,
    ]);
  }
  // Parents before their breakdowns: the parent_id foreign key is checked row by row.
  const metrics = [...records.metrics].sort((a, b) => Number(a.parentId !== undefined) - Number(b.parentId !== undefined));
  for (const m of metrics) {
    await tx.query(
      'INSERT INTO metrics (report_id, domain_id, id, position, label, unit, direction, target, parent_id, extra) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
      [m.reportId, m.domainId, m.id, m.position, m.label, m.unit, m.direction, m.target ?? null, m.parentId ?? null, m.extra],
    );
  }
  for (const o of records.observations) {
    await tx.query(
      `INSERT INTO observations (report_id, domain_id, metric_id, value, unit, qualifier, as_of, as_of_stated, as_of_note, note, basis, source_kind,
                                 source_quote, source_figure, state, entered_by, entered_at, extra)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        o.reportId,
        o.domainId,
        o.metricId,
        String(o.value),
        o.unit,
        o.qualifier,
        o.asOf,
        o.asOfStated,
        o.asOfNote ?? null,
        o.note ?? null,
        o.basis ?? null,
        o.source.kind,
        o.source.quote ?? null,
        o.source.figure ?? null,
        o.state,
        o.enteredBy ?? null,
        o.enteredAt,
        o.extra,
      ],
    );
  }
  for (const m of records.milestones) {
    await tx.query('INSERT INTO milestones (report_id, domain_id, id, position, text, source_quote, extra) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      m.reportId,
      m.domainId,
      m.id,
      m.position,
      m.text,
      m.sourceQuote,
      m.extra,
    ]);
  }
  for (const s of records.milestoneStates) {
    await tx.query(
      'INSERT INTO milestone_states (report_id, domain_id, milestone_id, state, source_kind, approval, entered_by, entered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [s.reportId, s.domainId, s.milestoneId, s.state, s.sourceKind, s.approval, s.enteredBy ?? null, s.enteredAt],
    );
  }
  for (const p of records.paragraphs) {
    await tx.query('INSERT INTO report_paragraphs (report_id, position, id, domain_id, kind, text, extra) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      p.reportId,
      p.position,
      p.id,
      p.domainId ?? null,
      p.kind,
      p.text,
      p.extra,
    ]);
  }
  for (const e of records.exclusions) {
    await tx.query('INSERT INTO report_exclusions (report_id, position, figure, quote, reason, extra) VALUES ($1, $2, $3, $4, $5, $6)', [
      e.reportId,
      e.position,
      e.figure,
      e.quote,
      e.reason,
      e.extra,
    ]);
  }
}
