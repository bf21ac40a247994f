import type { Domain, DomainSummary, Section } from '../api';

/**
 * What a view calls a domain: the name in its own figures once they have arrived, else the name in
 * the report's list of domains, else its id, so a heading is never empty while a domain loads or after
 * its request failed.
 */
export function domainName(
  id: string,
  summary: Pick<DomainSummary, 'name'> | undefined,
  domain: Pick<Domain, 'name'> | undefined,
): string {
  return domain?.name ?? summary?.name ?? id;
}

/**
 * The title of the report section each domain is in ("读数据 看成绩"), by domain id. The report's
 * sections list their domains, so this is known before any domain's own figures arrive.
 */
export function sectionTitlesByDomain(sections: readonly Pick<Section, 'title' | 'domainIds'>[]): ReadonlyMap<string, string> {
  return new Map(sections.flatMap((section) => section.domainIds.map((id) => [id, section.title] as const)));
}
