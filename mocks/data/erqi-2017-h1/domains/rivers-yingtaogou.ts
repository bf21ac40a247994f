import type { Domain } from '../../../../src/api/schemas';
import { metric, milestone } from '../build';

// 关键词:河道治理以及樱桃沟美丽乡村建设 — 【调结构 重谋划】
// Text is lost in the layout between "实现供地" and "同时做好与下游华侨城项目的设计对接。".
export const riversYingtaogou: Domain = {
  id: 'rivers-yingtaogou',
  name: '河道治理以及樱桃沟美丽乡村建设',
  sectionId: 'structure',
  metrics: [
    metric({
      id: 'projects',
      label: '河道及美丽乡村项目',
      value: 4,
      unit: '个',
      direction: 'neutral',
      quote: '共梳理谋划河道治理及美丽乡村建设项目4个',
      figure: '4个',
    }),
    metric({
      id: 'total-investment',
      label: '项目总投资',
      value: 10.8,
      unit: '亿元',
      direction: 'neutral',
      quote: '总投资10.8亿元',
      figure: '10.8亿元',
    }),
    metric({
      id: 'investment-completed',
      label: '累计完成投资',
      value: 6.36,
      unit: '亿元',
      direction: 'higher',
      target: { value: 10.8, period: 'task', basis: 'stated' },
      quote: '截至目前,已累计完成投资6.36亿元',
      figure: '6.36亿元',
    }),
    metric({
      id: 'jialu-buildings-demolished',
      label: '贾鲁河拆除建筑物',
      value: 10,
      unit: '万平方米',
      qualifier: 'more-than',
      direction: 'higher',
      quote: '共拆除建筑物10万余平方米',
      figure: '10万余平方米',
    }),
    metric({
      id: 'yingtaogou-investment',
      label: '樱桃沟累计投资',
      value: 5300,
      unit: '万元',
      direction: 'higher',
      quote: '累计完成投资5300万元',
      figure: '5300万元',
    }),
  ],
  milestones: [
    milestone(
      'on-schedule',
      '河道治理及美丽乡村建设项目均按照时间节点完成进度',
      'in-progress',
      '均按照时间节点完成进度',
    ),
    milestone('jialu-river', '贾鲁河综合治理工程顺利推进', 'in-progress', '贾鲁河综合治理工程顺利推进'),
    milestone(
      'jialu-clearance',
      '贾鲁河蓝绿线范围前期清障工作全部完成',
      'done',
      '蓝绿线范围前期清障工作全部完成',
    ),
    milestone(
      'oct-design-link',
      '做好与下游华侨城项目的设计对接',
      'in-progress',
      '同时做好与下游华侨城项目的设计对接',
    ),
    milestone(
      'yingtaogou-main-works',
      '樱桃沟美丽乡村主体工程基本完成',
      'done',
      '樱桃沟美丽乡村主体工程基本完成',
    ),
    milestone(
      'yingtaogou-facilities',
      '樱桃沟已完成环卫工程、道路硬化和绿化、广场游园、自然剧场看台、公共厕所、建筑立面整治、照明、安全饮水和排污管道及污水处理等设施建设',
      'done',
      '已完成环卫工程、道路硬化和绿化,广场游园,自然剧场看台、公共厕所,建筑立面整治,照明工程,安全饮水工程和排污管道及污水处理等设施建设',
    ),
  ],
};
