import type { Domain } from '../../../../src/api/schemas';

// 关键词:安全生产 — 【靠抓手 见成效】
// Only one sentence survives the page layout, and it breaks off mid-sentence ("…专项整治和").
export const workSafety: Domain = {
  id: 'work-safety',
  name: '安全生产',
  sectionId: 'levers',
  note: '报告中本关键词仅存一句被截断的文字(“……深入开展重点行业领域专项整治和[…]”),未给出任何数据或进展状态。',
  metrics: [],
  milestones: [],
};
