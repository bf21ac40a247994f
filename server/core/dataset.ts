import type { Domain, Report, ReportSource } from '../../src/api/schemas';
import type { Extra, ReportRecords } from './records';

/** One report as the contract serves it: the shape of the dataset in mocks/data. */
export interface ReportDataset {
  report: Report;
  domains: Domain[];
  source: ReportSource;
}

/**
 * The dataset as store records: the seed of the database and the content of the in-memory store, so
 * both serve the same thing. The report's figures become each metric's first observation
 * (source kind `report`, approved), and each milestone's state its first state.
 */
export function reportRecords({ report, domains, source }: ReportDataset, enteredAt: string): ReportRecords {
  const { id: reportId, title, district, city, publishedOn, year, sections, domains: _summaries, ...reportExtra } = report;
  const records: ReportRecords = {
    report: { id: reportId, title, district, city, publishedOn, year, extra: reportExtra },
    sections: sections.map(({ id, title: sectionTitle, domainIds: _domainIds, ...extra }, position) => ({
      reportId,
      id,
      position,
      title: sectionTitle,
      extra,
    })),
    domains: [],
    metrics: [],
    observations: [],
    milestones: [],
    milestoneStates: [],
    paragraphs: source.paragraphs.map(({ id, domainId, kind, text, ...extra }, position) => ({
      reportId,
      position,
      id,
      ...(domainId === undefined ? {} : { domainId }),
      kind,
      text,
      extra,
    })),
    exclusions: source.exclusions.map(({ figure, quote, reason, ...extra }, position) => ({
      reportId,
      position,
      figure,
      quote,
      reason,
      extra,
    })),
  };

  domains.forEach((domain, domainPosition) => {
    const { id: domainId, name, sectionId, note, metrics, milestones, ...domainExtra } = domain;
    records.domains.push({
      reportId,
      id: domainId,
      sectionId,
      position: domainPosition,
      name,
      ...(note === undefined ? {} : { note }),
      extra: domainExtra,
    });
    metrics.forEach((metric, position) => {
      const { id, label, value, unit, qualifier, asOf, asOfStated, asOfNote, direction, target, parentId, source: quoted, ...rest } = metric;
      // The rest (yoyPct, rank, reportedProgressPct, projection, …) describes the metric as the report
      // stated it; the figure and its date are the observation's.
      const metricExtra: Extra = { ...rest };
      records.metrics.push({
        reportId,
        domainId,
        id,
        position,
        label,
        unit,
        direction,
        ...(target === undefined ? {} : { target }),
        ...(parentId === undefined ? {} : { parentId }),
        extra: metricExtra,
      });
      records.observations.push({
        reportId,
        domainId,
        metricId: id,
        value,
        unit,
        qualifier,
        asOf,
        asOfStated,
        ...(asOfNote === undefined ? {} : { asOfNote }),
        source: { kind: 'report', quote: quoted.quote, figure: quoted.figure },
        state: 'approved',
        enteredAt,
        extra: {},
      });
    });
    milestones.forEach(({ id, text, state, source: quoted, ...extra }, position) => {
      records.milestones.push({ reportId, domainId, id, position, text, sourceQuote: quoted.quote, extra });
      records.milestoneStates.push({ reportId, domainId, milestoneId: id, state, sourceKind: 'report', approval: 'approved', enteredAt });
    });
  });
  return records;
}
