import type { Domain } from '../../../../src/api/schemas';
import { metric, milestone } from '../build';

// 关键词:生态绿化建设 — 【调结构 重谋划】
export const greening: Domain = {
  id: 'greening',
  name: '生态绿化建设',
  sectionId: 'structure',
  metrics: [
    metric({
      id: 'canal-park-remaining',
      label: '南水北调公园剩余段',
      value: 188,
      unit: '万平方米',
      qualifier: 'about',
      direction: 'neutral',
      quote: '南水北调生态文化公园剩余段约188万平方米绿化建设',
      figure: '约188万平方米',
    }),
    metric({
      id: 'canal-park-site-prep',
      label: '场地整理',
      value: 55,
      unit: '万平方米',
      qualifier: 'nearly',
      direction: 'higher',
      // "剩余段约188万平方米": an approximate size used as the task, so about 29%, not 29.3%.
      target: { value: 188, period: 'task', basis: 'approximate', qualifier: 'about' },
      parentId: 'canal-park-remaining',
      quote: '现已累计完成场地整理近55万平方米',
      figure: '近55万平方米',
    }),
    metric({
      id: 'canal-park-greened',
      label: '公园绿化面积',
      value: 24,
      unit: '万平方米',
      direction: 'higher',
      target: { value: 188, period: 'task', basis: 'approximate', qualifier: 'about' },
      parentId: 'canal-park-remaining',
      quote: '完成绿化面积24万平方米',
      figure: '24万平方米',
    }),
    metric({
      id: 'pinghu-park',
      label: '萍湖路综合性公园',
      value: 20,
      unit: '万平方米',
      qualifier: 'more-than',
      direction: 'higher',
      // Spans the layout break "萍湖路以" | "南区域".
      quote: '已在马寨产业集聚区萍湖路以南区域建成并开放20余万平方米萍湖路综合性公园',
      figure: '20余万平方米',
    }),
    metric({
      id: 'new-pocket-parks',
      label: '新建游园',
      value: 2,
      unit: '个',
      direction: 'neutral',
      quote: '新建游园2个',
      figure: '2个',
    }),
    metric({
      id: 'new-green-space',
      label: '新增绿地',
      value: 46,
      unit: '万平方米',
      direction: 'higher',
      quote: '已完成新增绿地46万平方米',
      figure: '46万平方米',
    }),
    metric({
      id: 'trees-planted',
      label: '新植乔木',
      value: 25445,
      unit: '棵',
      direction: 'higher',
      quote: '新植乔木25445棵',
      figure: '25445棵',
    }),
    metric({
      id: 'roof-greening',
      label: '屋顶绿化',
      value: 1064,
      unit: '平方米',
      direction: 'higher',
      quote: '屋顶绿化1064平方米',
      figure: '1064平方米',
    }),
  ],
  milestones: [
    milestone(
      'south-fourth-ring-corridor',
      '南四环(嵩山路以东段)生态廊道:加强与市园林局对接,督促施工单位做好进场前准备',
      'in-progress',
      // Spans the layout break "持续加强和" | "市园林局".
      '南四环(嵩山路以东段)生态廊道持续加强和市园林局的对接沟通,并督促施工单位做好进场前现场勘察等准备工作',
    ),
    milestone(
      'jingguang-corridor-prep',
      '京广快速路南延生态廊道已做好施工图设计及招标代理公司确定等前期准备工作',
      'done',
      '京广快速路南延生态廊道已做好施工图设计及招标代理公司确定等前期各项准备工作',
    ),
    milestone(
      'changjiang-corridor-design',
      '长江西路生态廊道已初步完成景观方案设计',
      'in-progress',
      '长江西路生态廊道已初步完成景观方案设计',
    ),
    milestone(
      'pinghu-park-open',
      '萍湖路综合性公园建成并开放',
      'done',
      // Spans the layout break "萍湖路以" | "南区域".
      '已在马寨产业集聚区萍湖路以南区域建成并开放20余万平方米萍湖路综合性公园',
    ),
    milestone(
      'pocket-parks-tender',
      '新建游园2个:已完成景观方案和施工图设计、项目立项批复,正在筹备施工招标',
      'in-progress',
      '目前已完成景观方案和施工图设计、项目立项批复,正在筹备施工招标等各项工作',
    ),
  ],
};
