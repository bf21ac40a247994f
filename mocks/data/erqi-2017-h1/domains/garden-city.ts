import type { Domain } from '../../../../src/api/schemas';
import { metric, milestone } from '../build';

// 关键词:园林城市创建 — 【调结构 重谋划】
// Text is lost in the layout between "采取抬" and "方米。引用新材料…".
export const gardenCity: Domain = {
  id: 'garden-city',
  name: '园林城市创建',
  sectionId: 'structure',
  metrics: [
    metric({
      id: 'signboards',
      label: '迎检标语展板',
      value: 50,
      unit: '块',
      qualifier: 'more-than',
      direction: 'higher',
      quote: '在区管公园、游园内已设置迎检标语、宣传展板50余块',
      figure: '50余块',
    }),
    metric({
      id: 'parks-inspected',
      label: '排查公园(游园)',
      value: 35,
      unit: '个',
      direction: 'neutral',
      quote: '对辖区35个公园(游园)、区管生态廊道及103条区管道路全面排查',
      figure: '35个',
    }),
    metric({
      id: 'roads-inspected',
      label: '排查区管道路',
      value: 103,
      unit: '条',
      direction: 'neutral',
      quote: '对辖区35个公园(游园)、区管生态廊道及103条区管道路全面排查',
      figure: '103条',
    }),
    metric({
      id: 'ground-cover-replanted',
      label: '补栽地被植物',
      value: 6300,
      unit: '平方米',
      qualifier: 'more-than',
      direction: 'higher',
      quote: '补栽麦冬、鸢尾等地被植物6300余平方米',
      figure: '6300余平方米',
    }),
    metric({
      id: 'grass-seeded',
      label: '播种草籽',
      value: 2534,
      unit: '平方米',
      direction: 'higher',
      quote: '播种草籽2534平方米',
      figure: '2534平方米',
    }),
    metric({
      id: 'bare-soil-treated',
      label: '治理黄土裸露',
      value: 60,
      unit: '处',
      qualifier: 'more-than',
      direction: 'higher',
      quote: '治理黄土裸露现象60余处',
      figure: '60余处',
    }),
    metric({
      id: 'back-streets-tendered',
      label: '支路背街整治招标',
      value: 54,
      unit: '条',
      direction: 'higher',
      quote: '完成桃源路、交通路、新圃街等54条支路背街整治招标工作',
      figure: '54条',
    }),
  ],
  milestones: [
    milestone(
      'back-streets-ready',
      '54条支路背街整治已完成招标,准备进场施工',
      'in-progress',
      '已准备进场施工',
    ),
    milestone(
      'culture-in-green-space',
      '在区管绿地中引入科普知识、人文元素,设置文化墙、文化景观',
      'in-progress',
      '在区管绿地中引入科普知识、人文元素等,设置文化墙、文化景观等',
    ),
  ],
};
