import type { Domain, Report, ReportSource } from '../../../src/api/schemas';
import { airPollution } from './domains/air-pollution';
import { civilizedCity } from './domains/civilized-city';
import { constructionWaste } from './domains/construction-waste';
import { demolitionClearance } from './domains/demolition-clearance';
import { economy } from './domains/economy';
import { gardenCity } from './domains/garden-city';
import { greening } from './domains/greening';
import { healthCityReview } from './domains/health-city-review';
import { infrastructure } from './domains/infrastructure';
import { innovationHub } from './domains/innovation-hub';
import { land } from './domains/land';
import { resettlementHousing } from './domains/resettlement-housing';
import { riversYingtaogou } from './domains/rivers-yingtaogou';
import { warmErqi } from './domains/warm-erqi';
import { workSafety } from './domains/work-safety';
import { reportSummary, sections } from './report';
import { reportSource as source } from './source';

/** All 15 domains (关键词), in report order. */
export const domains: Domain[] = [
  economy,
  airPollution,
  healthCityReview,
  civilizedCity,
  workSafety,
  innovationHub,
  constructionWaste,
  greening,
  gardenCity,
  riversYingtaogou,
  warmErqi,
  resettlementHousing,
  demolitionClearance,
  land,
  infrastructure,
];

export const report: Report = {
  ...reportSummary,
  sections,
  domains: domains.map(({ id, name, sectionId, metrics }) => ({
    id,
    name,
    sectionId,
    metricCount: metrics.length,
  })),
};

export const reportSource: ReportSource = source;
