import type { Exclusion, SourceParagraph, ReportSource } from '../../../src/api/schemas';

/**
 * The report text, reassembled in reading order (the column layout of the printed page split paragraphs; see README.md beside report.txt).
 *
 * The printed page was laid out in columns, so its plain text is partly out of order. Each paragraph
 * here is a list of fragments, every one of them a verbatim line of `report.txt` beside this file
 * with the markdown `**` bold markers removed; the paragraph text is their concatenation. Where text
 * was lost in the layout (园林城市创建, 河道治理, and the end of 安全生产's one sentence) the paragraph
 * carries a visible gap marker there, which is not a fragment.
 */

/** Marks text lost in the page layout. */
export const LOST_TEXT = { lost: true } as const;
/** How lost text shows in a paragraph. */
export const GAP_MARKER = '[…]';

export type Fragment = string | typeof LOST_TEXT;

export interface ParagraphDraft {
  id: string;
  domainId?: string;
  kind: SourceParagraph['kind'];
  fragments: readonly Fragment[];
}

export const paragraphDrafts: readonly ParagraphDraft[] = [
  {
    id: 'headline',
    kind: 'title',
    fragments: ['年初定的目标任务进展怎样? 大气污染防治如何推进?“双迎”工作取得了何种成效? 2017已过半,看看二七区的期中成绩单'],
  },
  {
    id: 'preface',
    kind: 'text',
    fragments: ['2017已经过半,各项任务完成得怎么样? 二七区“期中成绩”如何? 6月27日,二七区召开十六届政府第一次全体(扩大)会议,各分管领导交上“期中答卷”。会议总结回顾上半年全区经济社会发展情况,对下半年工作进行安排部署,引导全区上下凝心聚力、振奋精神、攻坚克难,圆满完成全年各项目标任务。记者 景静 通讯员 郭佳星 文/图'],
  },
  {
    id: 'section-results',
    kind: 'section',
    fragments: ['【读数据 看成绩】'],
  },
  {
    id: 'keyword-economy',
    domainId: 'economy',
    kind: 'keyword',
    fragments: ['关键词:主要经济指标'],
  },
  {
    id: 'economy-1',
    domainId: 'economy',
    kind: 'text',
    fragments: ['地区生产总值完成253亿元,同比增长7.5%;一般公共预算收入完成14.6亿元,同比增长10%;规模以上工业增加值完成21.5亿元,同比增长3.5%;固定资产投资完成166亿元,同比增长10%;社会消费品零售总额完成232亿元,同比增长11%;外贸出口总值完成5131万美元,实际利用外资完成1.02亿美元。'],
  },
  {
    id: 'economy-2',
    domainId: 'economy',
    kind: 'text',
    fragments: ['先后两次举行集中签约活动,共签约华侨城欢乐海岸等19个重大项目,签约额达1000多亿元,为二七区经济转型发展积蓄了力量。'],
  },
  {
    id: 'economy-3',
    domainId: 'economy',
    kind: 'text',
    fragments: [
      '通过开展“项目建设奋力推进年”活动,1~5月份,49个省市重点',
      '项目共计完成投资94.3亿元,占年度计划的48.7%;完成联审联批审批事项16项,占年度计划的80%;集中开工了融侨欢乐汇等75个重点项目,省市重点项目完成投资、开工率市内六区第1。全区150个亿元以上重大项目完成投资170亿元,占年度计划的36%。盛润运河城国际广场、南水北调中线防洪工程等17个项目已顺利开工建设。',
    ],
  },
  {
    id: 'section-levers',
    kind: 'section',
    fragments: ['【靠抓手 见成效】'],
  },
  {
    id: 'keyword-air-pollution',
    domainId: 'air-pollution',
    kind: 'keyword',
    fragments: ['关键词:大气污染防治'],
  },
  {
    id: 'air-pollution-1',
    domainId: 'air-pollution',
    kind: 'text',
    fragments: ['空气质量。截至6月23日,共完成优良天气66天,距离全年目标(190)还有124天的差距,PM2.5年累积浓度84微克/立方米,比目标值(63)高21微克/立方米,全市9个站点中排第1名(与郑纺机、岗李水库并列)。'],
  },
  {
    id: 'air-pollution-2',
    domainId: 'air-pollution',
    kind: 'text',
    fragments: ['扬尘治理。全区各类施工工地共278个,全部落实“三员”现场管理,并充实末端网格人员共计1889名。巡查工地1200次,督导检查工地问题700余处,下达整改通知书398份,立案处罚26起109万元。建筑工地扬尘治理三员管理人员已实现全覆盖。道路人工清扫率达到100%。机械化清扫(冲洗)率达85%以上。'],
  },
  {
    id: 'air-pollution-3',
    domainId: 'air-pollution',
    kind: 'text',
    fragments: [
      '工业污染防治。379家小散乱污企业已全部整治完成;6家',
      '外迁企业已完成1家,其余5家全部停产。',
    ],
  },
  {
    id: 'air-pollution-4',
    domainId: 'air-pollution',
    kind: 'text',
    fragments: ['燃煤污染治理。共依法查处取缔散煤生产销售企业17家;回收型煤、散煤共约175吨;回收煤炉用具768个,开展督导行动45次,暗访14次,整改问题59处,联系郑州荣锦绿色环保能源有限公司处置回收燃煤约141吨,5月9日拨付散煤替代财政补贴资金2000万元。'],
  },
  {
    id: 'air-pollution-5',
    domainId: 'air-pollution',
    kind: 'text',
    fragments: ['督查督导。环保部交办问题23处、省级督导组交办问题1处、市级督导组交办问题47处已全部按期整改完成并通过验收;区环保专项督查组自查发现问题3820处,已整改到位3734处,86处问题正在整改中,整改率97.7%。'],
  },
  {
    id: 'keyword-health-city-review',
    domainId: 'health-city-review',
    kind: 'keyword',
    fragments: ['关键词:国家卫生城市复审'],
  },
  {
    id: 'health-city-review-1',
    domainId: 'health-city-review',
    kind: 'text',
    fragments: ['主要领导挂帅指挥,成立了区委常委任指挥长的8个专项治理指挥部。建立健全了例会推进、信息交流、督导考核、奖惩问责等工作机制,实行逐个治理、逐项销号。截至目前,整体达标率达到90%以上。'],
  },
  {
    id: 'health-city-review-2',
    domainId: 'health-city-review',
    kind: 'text',
    fragments: [
      '狠抓“六小”门店、无主管理院等重点治理项目,并全力打造工作亮点,累计投入资金8000余万元,投入人力9万余人。先后打造了兴',
      '华北街等18条精品示范街和80余家示范店;五里堡街道采取“一二三”五”工作法,为全区提供了可借鉴的经验;北闸口猫狗市场、解放路立交桥劳务市场等长期存在的市容难点问题得到根本解决,积存的各类垃圾得到彻底清理。对辖区高寨市场等24家农贸市场基础设施升级改造,实施搬家式大扫除,加强卫生管理,市场经营环境焕然一新。',
    ],
  },
  {
    id: 'keyword-civilized-city',
    domainId: 'civilized-city',
    kind: 'keyword',
    fragments: ['关键词:创建全国文明城市'],
  },
  {
    id: 'civilized-city-1',
    domainId: 'civilized-city',
    kind: 'text',
    fragments: ['营造浓厚宣传氛围。全区建筑围挡公益广告面积已达25万平方米,打造公益广告宣传主题街道30条,打造曹寨西街“连心胡同”、鼎鑫苑小区“老郑州、新市民”、香榭丽社区79号院等主题示范社区(老旧小区)47个。'],
  },
  {
    id: 'civilized-city-2',
    domainId: 'civilized-city',
    kind: 'text',
    fragments: [
      '开展倡树身边模范活动。2人入选一季度郑州市文明市民,10人入选郑州好人馆,1人入选6月份“中国好人榜”候选名单。举办',
      '“道德模范故事汇”巡演活动2场、“道德讲堂”总堂9场。',
    ],
  },
  {
    id: 'civilized-city-3',
    domainId: 'civilized-city',
    kind: 'text',
    fragments: [
      '推进志愿者服务工作。全区共建立“文明使者”志愿服务站155个,并依托站点为阵地,每月的27日设立为志愿服务日,开展各类志愿服务活动650余场,1.9万余名志愿者参与服务,受益群众6万余人,实现平均每天就有近5场志愿服务活动开展。打造郑州市首家“点单”式',
      '志愿服务公众平台——“二七志愿服务进行时”微信公众号,开启“居民点单、社区下单、志愿者接单”的志愿服务模式。结合传统义仓义集,对现有89个雷锋超市进行升级改造,挂牌“社区互助银行”20个,通过该项工作享受到回馈的志愿者达5400余人。目前,全区注册志愿者达8万余人,位居全市各区第一。',
    ],
  },
  {
    id: 'keyword-work-safety',
    domainId: 'work-safety',
    kind: 'keyword',
    fragments: ['关键词:安全生产'],
  },
  {
    id: 'work-safety-1',
    domainId: 'work-safety',
    kind: 'text',
    // The sentence breaks off, and no continuation of it survives anywhere on the page.
    fragments: ['今年以来,加强队伍建设,强化安全红线意识,落实安全生产责任,加大隐患排查治理力度,深入开展重点行业领域专项整治和', LOST_TEXT],
  },
  {
    id: 'keyword-innovation-hub',
    domainId: 'innovation-hub',
    kind: 'keyword',
    fragments: ['关键词:创新创业综合体建设'],
  },
  {
    id: 'innovation-hub-1',
    domainId: 'innovation-hub',
    kind: 'text',
    fragments: ['积极推进开放创新合作。组织华瑞星云国际大数据产业园、科技小镇等项目参加北京推介会。积极推进中物军民融合产业园、华瑞星云国际大数据产业园等重大产业项目落地。'],
  },
  {
    id: 'innovation-hub-2',
    domainId: 'innovation-hub',
    kind: 'text',
    fragments: [
      '完善创新创业扶持政策。制定出台了《二七区创新创业资金管理暂行办法》和《二七区众创空间管理办法》等政策,加大科技投入奖励,引导科技研发投入,规范科技创新平台建设的运营管理。营造创新创业环境。承办市',
      '科技局在黄河科技学院召开的全市创新创业综合体观摩培训会,市、区政府相关领导以及全市科技企业孵化器、众创空间主要负责人200余人参加会议。',
    ],
  },
  {
    id: 'innovation-hub-3',
    domainId: 'innovation-hub',
    kind: 'text',
    fragments: ['大力培育科技型企业。推荐上报3家省级创新型龙头企业、21家科技型企业;组织辖区企业申报郑州市院士工作站项目1个,软科学计划项目8个,大学生创新创业补助3个,大学生创新创业项目4个。2017年第一批专利资助突破1000项争取扶持资金近120万元。'],
  },
  {
    id: 'keyword-construction-waste',
    domainId: 'construction-waste',
    kind: 'keyword',
    fragments: ['关键词:清运建筑垃圾'],
  },
  {
    id: 'construction-waste-1',
    domainId: 'construction-waste',
    kind: 'text',
    fragments: ['根据市政府确立的台账,全区拆迁工地共29个,现有积存建筑垃圾总量105.9万立方米,其中,四环内工地10个,现积存垃圾18.3万立方米;四环外工地19个,现积存垃圾87.6万立方米。截至6月26日,全区共完成垃圾清运88.28万立方米,占总任务量的83.36%。其中,四环内已清运完成15.36万立方米,占任务量的83.93%;四环外完成72.92万立方米,占任务量的83.24%。'],
  },
  {
    id: 'section-structure',
    kind: 'section',
    fragments: ['【调结构 重谋划】'],
  },
  {
    id: 'keyword-greening',
    domainId: 'greening',
    kind: 'keyword',
    fragments: ['关键词:生态绿化建设'],
  },
  {
    id: 'greening-1',
    domainId: 'greening',
    kind: 'text',
    fragments: [
      '南水北调生态文化公园剩余段约188万平方米绿化建设,采取垃圾清运、土方平衡、管线敷设、绿化栽植“四位一体”模式强力推进工程建设,现已累计完成场地整理近55万平方米,完成绿化面积24万平方米;南四环(嵩山路以东段)生态廊道持续加强和',
      '市园林局的对接沟通,并督促施工单位做好进场前现场勘察等准备工作;京广快速路南延生态廊道已做好施工图设计及招标代理公司确定等前期各项准备工作;长江西路生态廊道已初步完成景观方案设计;公园游园建设方面,已在马寨产业集聚区萍湖路以',
      '南区域建成并开放20余万平方米萍湖路综合性公园;新建游园2个,目前已完成景观方案和施工图设计、项目立项批复,正在筹备施工招标等各项工作。新建绿地方面,已完成新增绿地46万平方米,新植乔木25445棵,屋顶绿化1064平方米。',
    ],
  },
  {
    id: 'keyword-garden-city',
    domainId: 'garden-city',
    kind: 'keyword',
    fragments: ['关键词:园林城市创建'],
  },
  {
    id: 'garden-city-1',
    domainId: 'garden-city',
    kind: 'text',
    fragments: [
      '在区管公园、游园内已设置迎检标语、宣传展板50余块;对辖区35个公园(游园)、区管生态廊道及103条区管道路全面排查,补栽麦冬、鸢尾等地被植物6300余平方米,播种草籽2534平方米,治理黄土裸露现象60余处;采取抬',
      LOST_TEXT,
      '方米。引用新材料、新技术、新工艺,完成桃源路、交通路、新圃街等54条支路背街整治招标工作,已准备进场施工;在区管绿地中引入科普知识、人文元素等,设置文化墙、文化景观等,将文化韵味、人文之美融入园林景观中、带到市民群众身边。',
    ],
  },
  {
    id: 'keyword-rivers-yingtaogou',
    domainId: 'rivers-yingtaogou',
    kind: 'keyword',
    fragments: ['关键词:河道治理以及樱桃沟美丽乡村建设'],
  },
  {
    id: 'rivers-yingtaogou-1',
    domainId: 'rivers-yingtaogou',
    kind: 'text',
    fragments: ['上半年,共梳理谋划河道治理及美丽乡村建设项目4个,总投资10.8亿元。截至目前,已累计完成投资6.36亿元,均按照时间节点完成进度。'],
  },
  {
    id: 'rivers-yingtaogou-2',
    domainId: 'rivers-yingtaogou',
    kind: 'text',
    fragments: [
      '贾鲁河综合治理工程顺利推进。蓝绿线范围前期清障工作全部完成,共拆除建筑物10万余平方米,实现供地',
      LOST_TEXT,
      '同时做好与下游华侨城项目的设计对接。',
    ],
  },
  {
    id: 'rivers-yingtaogou-3',
    domainId: 'rivers-yingtaogou',
    kind: 'text',
    fragments: ['樱桃沟美丽乡村主体工程基本完成。已完成环卫工程、道路硬化和绿化,广场游园,自然剧场看台、公共厕所,建筑立面整治,照明工程,安全饮水工程和排污管道及污水处理等设施建设。累计完成投资5300万元。'],
  },
  {
    id: 'section-livelihood',
    kind: 'section',
    fragments: ['【保民生 促和谐】'],
  },
  {
    id: 'keyword-warm-erqi',
    domainId: 'warm-erqi',
    kind: 'keyword',
    fragments: ['关键词:“温暖二七”建设'],
  },
  {
    id: 'warm-erqi-1',
    domainId: 'warm-erqi',
    kind: 'text',
    fragments: ['截至目前,《“温暖二七”建设工作实施方案》中明确的17个建设项目全部启动,有些已初见成效。'],
  },
  {
    id: 'warm-erqi-2',
    domainId: 'warm-erqi',
    kind: 'text',
    fragments: [
      '“四个平台”建设进展顺利。党群服务引领平台和社会组织发展平台几个试点的基础建设已经完成,通过政府购买服务引进的社工机构顺利进驻,目前功能设置和群众需求调研已经完成,陆续开始正式运行;“温暖二七”微信公众号顺利运行,已推送140篇稿件。近期新推出的“温暖之星”“温暖项目进行时”等专题栏目都得到了社会关注,取得了一定的影响效应;“温暖二七 让爱传递”综合服务程序开发已初步完成,进行了平台推广运行培训,上线栏目正在进行内部测试。其中,“志愿汇”和“温暖帮”是两个民声互动栏目,是平台建设的亮点和重点,也是激发群众力量广泛参',
      '与“温暖二七”建设的有效载体。',
    ],
  },
  {
    id: 'warm-erqi-3',
    domainId: 'warm-erqi',
    kind: 'text',
    fragments: ['第一批项目进展顺利,成效初显。重点谋划的第一批17个项目,通过政府购买一部分、慈善支持一部分、企业认领一部分,目前各个项目已经选准试点,落地建设。养老服务项目目前人和路颐养安居中心等试点已经投入使用,预计7月份10个试点全部建成并投入使用。'],
  },
  {
    id: 'warm-erqi-4',
    domainId: 'warm-erqi',
    kind: 'text',
    fragments: ['“温暖二七”建设氛围初步形成。截至目前,已建成或即将建成各类“温暖二七”建设项目服务站点近200个。其中党群服务中心3个、社会组织服务发展中心3个、专业社工服务试点13个、社区养老服务试点10个、“4050”技能相亲服务点100个、爱工驿站40个、爱心粥屋3个等。辖区“中国好同学”“河南版桃园”等各类好人好事不断涌现,“温暖二七”建设氛围已基本形成。'],
  },
  {
    id: 'keyword-resettlement-housing',
    domainId: 'resettlement-housing',
    kind: 'keyword',
    fragments: ['关键词:安置房建设'],
  },
  {
    id: 'resettlement-housing-1',
    domainId: 'resettlement-housing',
    kind: 'text',
    fragments: [
      '开工方面:实现贾寨等5个项目约167万㎡桩基施工,占全年总任务的56%。二七新区南安置区等4个项目正在加快办理前期建设手续,并开挖基坑;侯寨新镇区等4个项目正在进行地表清理;荆寨红花寺等5个项目正在进行控规方案编制报批。回迁方面:实现2个项目约23万㎡回迁,占全年总任务的8%。齐礼阎安置区2、3号院50万㎡已完成竣工验收待分配;滨河',
      '花园一期A地块、刘胡垌一期等项目65万㎡正在竣工前扫尾工程施工;二七新区南、北安置区一期、冯庄等5个项目150万㎡主体已封顶。安置房网签方面:率先启动小李庄、佛岗、中投江金城、路寨4个安置房网签试点项目,4187套已通过市房管局审核,已网签1369套(小李庄1314套、佛岗55套)。品质提升方面:重点推进滨河花园等7个项目提升建设品质。',
    ],
  },
  {
    id: 'keyword-demolition-clearance',
    domainId: 'demolition-clearance',
    kind: 'keyword',
    fragments: ['关键词:动迁清零'],
  },
  {
    id: 'demolition-clearance-1',
    domainId: 'demolition-clearance',
    kind: 'text',
    fragments: [
      '扫尾动迁工作基本大头落地,累计剩余185万平方米,其中,已搬空',
      '未拆除101万平方米,未搬空84万平方米。',
    ],
  },
  {
    id: 'keyword-land',
    domainId: 'land',
    kind: 'keyword',
    fragments: ['关键词:土地运作'],
  },
  {
    id: 'land-1',
    domainId: 'land',
    kind: 'text',
    fragments: ['共梳理了14个项目共2684.185亩,其中有6个项目272.4585亩基本具备上报条件;完成供应29宗,总面积1198.91亩,总出让金约68.33亿元。'],
  },
  {
    id: 'keyword-infrastructure',
    domainId: 'infrastructure',
    kind: 'keyword',
    fragments: ['关键词:基础设施建设'],
  },
  {
    id: 'infrastructure-1',
    domainId: 'infrastructure',
    kind: 'text',
    fragments: ['今年全区共规划建设城乡道路127条,截至目前,新开工道路28条,双铁路、杏园路等20条道路正在加快施工,田园路、望桥路等7条已建成通车,京广快速路、南四环等4条辅道已进场施工,其余道路正在进行前期手续办理;学校建设工作。市级:列入新建计划的华中师大附属实验学校、春晖运河城小学已基本竣工,长江西路第三小学正进行基础施工,航海路小学东校区正进行场地清理,已提前完成年度开工目标。列入投入使用的陇西国际城小学已于5月份投入使用,81中学教学楼已竣工,正在进行场区施工;滨河花园实验小学和长江西路二小正进行装饰安装施工。区级:红樱桃中心幼儿园、红樱桃实验幼儿园2所已竣工,长江西路小学已主体封顶,兴华街三小等5个项目已开工,陇西小学等15个改扩建项目正进行前期立项准备。'],
  },];

/** Lines of the printed text that are not part of the reassembled report, and why. */
export const droppedLines: readonly { text: string; reason: string }[] = [
  { text: '南水北调带状公园风景如画', reason: 'photo caption' },
  { text: '铭功路街道西彩社区', reason: 'photo caption' },
  { text: '关键词:安置房建设', reason: 'repeated keyword heading: the page prints 关键词:安置房建设 again where its text continues' },
  { text: '关键词:动迁清零', reason: 'repeated keyword heading: the page prints 关键词:动迁清零 again where its text continues' },];

export function joinFragments(fragments: readonly Fragment[]): string {
  return fragments.map((fragment) => (typeof fragment === 'string' ? fragment : GAP_MARKER)).join('');
}

export const paragraphs: SourceParagraph[] = paragraphDrafts.map(({ fragments, ...paragraph }) => ({
  ...paragraph,
  text: joinFragments(fragments),
}));

/** Every number printed in the report that no metric carries, with why it is left out. */
export const exclusions: Exclusion[] = [
  {
    figure: '2017',
    quote: '2017已过半,看看二七区的期中成绩单',
    reason: '年份(标题),不是数据。',
  },
  {
    figure: '2017',
    quote: '2017已经过半',
    reason: '年份(导语),不是数据。',
  },
  {
    figure: '6月27日',
    quote: '6月27日,二七区召开十六届政府第一次全体(扩大)会议',
    reason: '会议日期,即报告日期 publishedOn 2017-06-27;报告未注明截至日期的数据以它为 asOf,并标明 asOfStated: false(报告日期,未注明截至日期)。',
  },
  {
    figure: '1~5月份',
    quote: '通过开展“项目建设奋力推进年”活动,1~5月份',
    reason: '统计期,作为该句各项数据的 asOf 2017-05-31;同段150个亿元以上重大项目的投资未注明日期,按此推定为同期(asOfStated: false)。',
  },
  {
    figure: '6月23日',
    quote: '截至6月23日,共完成优良天气66天',
    reason: '截止日期,作为优良天数和PM2.5的 asOf 2017-06-23。',
  },
  {
    figure: 'PM2.5',
    quote: 'PM2.5年累积浓度84微克/立方米',
    reason: '污染物名称中的数字,不是数据。',
  },
  {
    figure: '5月9日',
    quote: '5月9日拨付散煤替代财政补贴资金2000万元',
    reason: '拨付日期,作为该笔补贴的 asOf 2017-05-09。',
  },
  {
    figure: '79号院',
    quote: '香榭丽社区79号院',
    reason: '门牌地址,不是数据。',
  },
  {
    figure: '一季度',
    quote: '2人入选一季度郑州市文明市民',
    reason: '评选期(第一季度),不是计数;写在指标 model-citizens 的标签里(一季度郑州市文明市民)。',
  },
  {
    figure: '6月份',
    quote: '1人入选6月份“中国好人榜”候选名单',
    reason: '评选月份,不是数据。',
  },
  {
    figure: '27日',
    quote: '每月的27日设立为志愿服务日',
    reason: '每月固定的志愿服务日(日期),见里程碑,不是数据。',
  },
  {
    figure: '2017年',
    quote: '2017年第一批专利资助',
    reason: '年份,不是数据。',
  },
  {
    figure: '6月26日',
    quote: '截至6月26日,全区共完成垃圾清运88.28万立方米',
    reason: '截止日期,作为建筑垃圾清运各项的 asOf 2017-06-26。',
  },
  {
    figure: '四个',
    quote: '“四个平台”建设进展顺利',
    reason: '工作名称(加引号的“四个平台”),报告没有逐一列出四个平台,也没有给出各平台的数据;其进展见里程碑 platform-pilots-built、platforms-opening。',
  },
  {
    figure: '17个',
    quote: '重点谋划的第一批17个项目',
    reason: '与前文“实施方案中明确的17个建设项目”是同一批项目,已由指标 projects-launched 记录,不重复计数。',
  },
  {
    figure: '7月份',
    quote: '预计7月份10个试点全部建成并投入使用',
    reason: '预计完成时间,见里程碑 elderly-care-all-open(planned)。',
  },
  {
    figure: '10个',
    quote: '预计7月份10个试点全部建成并投入使用',
    reason: '与“社区养老服务试点10个”是同一批试点,已由指标 elderly-care-pilots 记录;此处是计划,见里程碑 elderly-care-all-open。',
  },
  {
    figure: '4050',
    quote: '“4050”技能相亲服务点',
    reason: '服务名称(面向40、50岁就业困难人员),不是数据。',
  },
  {
    figure: '2、3号院',
    quote: '齐礼阎安置区2、3号院',
    reason: '院落编号(地名),不是数据。',
  },
  {
    figure: '5月份',
    quote: '陇西国际城小学已于5月份投入使用',
    reason: '投入使用的月份,见里程碑 longxi-intl-primary。',
  },
  {
    figure: '81中学',
    quote: '81中学教学楼已竣工',
    reason: '学校名称(郑州市第八十一中学),不是数据。',
  },
];

export const reportSource: ReportSource = {
  reportId: 'erqi-2017-h1',
  paragraphs,
  exclusions,
};
