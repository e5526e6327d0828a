/**
 * The year's work points split into the six 基础目标任务 of seed 000 (依法执政、依法行政 …), each broken into
 * sub-tasks with lead and assisting units. `state` says where a current-year task stands in the demo.
 */
export type DemoTaskState = 'closed' | 'applied' | 'in_progress' | 'issued' | 'overdue' | 'due_soon';

export type DemoTask = {
  title: string;
  lead: string;
  assists?: string[];
  deadline: string; // MM-DD
  weight: number;
  state: DemoTaskState;
  measures: string[];
  children?: DemoTask[];
};

const m = (...items: string[]) => items;

export const demoTasks: DemoTask[] = [
  {
    title: '坚持依法执政，加强党对法治建设的统一领导',
    lead: '区委依法治区办',
    deadline: '12-31',
    weight: 20,
    state: 'in_progress',
    measures: m('制定年度工作要点和任务分解方案', '召开委员会会议和协调小组会议'),
    children: [
      {
        title: '召开区委全面依法治区委员会会议，审议年度工作要点',
        lead: '区委依法治区办',
        deadline: '03-31',
        weight: 1,
        state: 'closed',
        measures: m('起草会议材料', '印发会议纪要'),
      },
      {
        title: '落实区委常委会、政府常务会会前学法制度',
        lead: '区委办公室',
        assists: ['区政府办公室'],
        deadline: '12-31',
        weight: 1,
        state: 'in_progress',
        measures: m('制定全年学法计划', '每次会前安排专题学法'),
      },
      {
        title: '组织党政主要负责人年度述法',
        lead: '区委组织部',
        assists: ['区委依法治区办'],
        deadline: '12-20',
        weight: 1,
        state: 'due_soon',
        measures: m('确定述法对象名单', '组织现场述法和评议'),
      },
    ],
  },
  {
    title: '深入推进依法行政，加快建设法治政府',
    lead: '区司法局',
    deadline: '12-31',
    weight: 25,
    state: 'in_progress',
    measures: m('对照法治政府建设实施纲要分解任务', '按季度调度推进情况'),
    children: [
      {
        title: '开展政府常务会议议题和重大合同合法性审查',
        lead: '区司法局',
        assists: ['区政府办公室'],
        deadline: '12-31',
        weight: 2,
        state: 'in_progress',
        measures: m('落实“常驻律师+法律顾问团”审查模式', '建立审查台账按月汇总'),
      },
      {
        title: '规范性文件备案审查和清理',
        lead: '区司法局',
        deadline: '11-30',
        weight: 1,
        state: 'applied',
        measures: m('逐件登记备案', '开展专项清理'),
      },
      {
        title: '行政执法“三项制度”全面落实',
        lead: '区市场监督管理局',
        assists: ['区综合行政执法局', '区公安分局'],
        deadline: '06-30',
        weight: 2,
        state: 'overdue',
        measures: m('公示执法信息', '全过程记录', '重大执法决定法制审核'),
      },
      {
        title: '开展行政执法案卷集中评查',
        lead: '区司法局',
        assists: ['区市场监督管理局', '区综合行政执法局'],
        deadline: '11-28',
        weight: 1,
        state: 'due_soon',
        measures: m('制定评查标准', '抽查各执法部门案卷'),
      },
    ],
  },
  {
    title: '推进基层依法治理，建设平安昭化',
    lead: '区委政法委',
    deadline: '12-31',
    weight: 15,
    state: 'in_progress',
    measures: m('以中心司法所为单元联系指导乡镇依法治理'),
    children: [
      {
        title: '规范“两室”建设（法治宣传室和人民调解室）',
        lead: '区司法局',
        assists: ['元坝镇', '王家镇'],
        deadline: '09-30',
        weight: 1,
        state: 'closed',
        measures: m('制定建设标准', '逐村验收'),
      },
      {
        title: '深化人民调解，做到矛盾不上交',
        lead: '区司法局',
        assists: ['区委政法委'],
        deadline: '12-31',
        weight: 2,
        state: 'in_progress',
        measures: m('健全调委会组织', '专职调解员驻点调解'),
      },
      {
        title: '推进乡镇（街道）合法性审查全覆盖',
        lead: '元坝镇',
        deadline: '10-31',
        weight: 1,
        state: 'issued',
        measures: m(),
      },
    ],
  },
  {
    title: '促进公正司法，提升司法公信力',
    lead: '区人民法院',
    deadline: '12-31',
    weight: 15,
    state: 'in_progress',
    measures: m('落实司法责任制'),
    children: [
      {
        title: '落实行政机关负责人出庭应诉制度',
        lead: '区人民法院',
        assists: ['区司法局'],
        deadline: '12-31',
        weight: 1,
        state: 'in_progress',
        measures: m('建立应诉通报制度', '按季度通报出庭率'),
      },
      {
        title: '开展行政复议规范化建设',
        lead: '区司法局',
        deadline: '08-31',
        weight: 1,
        state: 'closed',
        measures: m('规范受理流程', '推行听证审查'),
      },
    ],
  },
  {
    title: '深化普法守法，落实“谁执法谁普法”责任制',
    lead: '区委宣传部',
    assists: ['区司法局'],
    deadline: '12-31',
    weight: 15,
    state: 'in_progress',
    measures: m('印发普法责任清单'),
    children: [
      {
        title: '开展“法律七进”系列活动',
        lead: '区司法局',
        assists: ['区教育局', '区民政局'],
        deadline: '12-31',
        weight: 2,
        state: 'in_progress',
        measures: m('每季度开展主题活动', '建设示范点'),
      },
      {
        title: '“开学第一课”法治宣传',
        lead: '区教育局',
        deadline: '09-30',
        weight: 1,
        state: 'closed',
        measures: m('党政主要负责人上思政课'),
      },
      {
        title: '建设法治文化示范长廊',
        lead: '昭化镇',
        assists: ['区司法局'],
        deadline: '11-30',
        weight: 1,
        state: 'overdue',
        measures: m('完成长廊选址设计', '布设法治文化展板'),
      },
    ],
  },
  {
    title: '强化组织保障，落实考核督察',
    lead: '区委依法治区办',
    deadline: '12-31',
    weight: 10,
    state: 'in_progress',
    measures: m('实行“1×3”销号管理', '建立“四个一”问题机制'),
    children: [
      {
        title: '开展4个关键节点督查指导',
        lead: '区委依法治区办',
        deadline: '12-31',
        weight: 1,
        state: 'in_progress',
        measures: m('年初部署', '半年小结', '中期推进', '年终总结'),
      },
      {
        title: '开展年度法治建设考核',
        lead: '区委依法治区办',
        assists: ['区委组织部'],
        deadline: '12-31',
        weight: 1,
        state: 'issued',
        measures: m(),
      },
    ],
  },
];
