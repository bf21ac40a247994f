import type { Domain } from '../../../../src/api/schemas';
import { metric, milestone } from '../build';

// 关键词:动迁清零 — 【保民生 促和谐】 (printed in two parts: "…其中,已搬空" | "未拆除…")
export const demolitionClearance: Domain = {
  id: 'demolition-clearance',
  name: '动迁清零',
  sectionId: 'livelihood',
  metrics: [
    metric({
      id: 'remaining',
      label: '累计剩余动迁面积',
      value: 185,
      unit: '万平方米',
      direction: 'lower',
      quote: '累计剩余185万平方米',
      figure: '185万平方米',
    }),
    metric({
      id: 'vacated-not-demolished',
      label: '已搬空未拆除',
      value: 101,
      unit: '万平方米',
      direction: 'lower',
      parentId: 'remaining',
      // Spans the layout break "其中,已搬空" | "未拆除": without 已搬空 it would say the opposite of vacated.
      quote: '已搬空未拆除101万平方米',
      figure: '101万平方米',
    }),
    metric({
      id: 'not-vacated',
      label: '未搬空',
      value: 84,
      unit: '万平方米',
      direction: 'lower',
      parentId: 'remaining',
      quote: '未搬空84万平方米',
      figure: '84万平方米',
    }),
  ],
  milestones: [
    milestone(
      'wrap-up-mostly-settled',
      '扫尾动迁工作基本大头落地',
      'in-progress',
      '扫尾动迁工作基本大头落地',
    ),
  ],
};
