import type { ReportSummary, Section } from '../../../src/api/schemas';

export const reportSummary: ReportSummary = {
  id: 'erqi-2017-h1',
  title: '二七区2017年上半年工作成绩单',
  district: '二七区',
  city: '郑州市',
  publishedOn: '2017-06-27',
  year: 2017,
};

/** The four section headings of the report (without the 【】), with their keywords in report order. */
export const sections: Section[] = [
  { id: 'results', title: '读数据 看成绩', domainIds: ['economy'] },
  {
    id: 'levers',
    title: '靠抓手 见成效',
    domainIds: [
      'air-pollution',
      'health-city-review',
      'civilized-city',
      'work-safety',
      'innovation-hub',
      'construction-waste',
    ],
  },
  {
    id: 'structure',
    title: '调结构 重谋划',
    domainIds: ['greening', 'garden-city', 'rivers-yingtaogou'],
  },
  {
    id: 'livelihood',
    title: '保民生 促和谐',
    domainIds: ['warm-erqi', 'resettlement-housing', 'demolition-clearance', 'land', 'infrastructure'],
  },
];
