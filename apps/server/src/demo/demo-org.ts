/** The demo county, modelled on seed 000 (昭化区, "1+3+N"): one committee, three coordination groups, 17 member units. */
export const demoCounty = {
  province: { name: '四川省', code: '51' },
  city: { name: '广元市', code: '5108', office: '广元市委依法治市办' },
  county: { name: '昭化区', code: '510811', committee: '区委全面依法治区委员会', office: '区委依法治区办' },
  neighbour: {
    name: '利州区',
    code: '510802',
    office: '利州区委依法治区办',
    units: ['利州区司法局', '利州区公安分局', '利州区市场监督管理局', '利州区住房和城乡建设局', '利州区教育局'],
  },
};

export const coordGroups = ['执法协调小组', '司法协调小组', '守法普法协调小组'] as const;
export const tiers = ['区级部门', '乡镇（街道）', '村（社区）'] as const;
export const sectors = ['机关', '学校', '乡村', '社区', '企业', '寺庙', '单位'] as const;

type MemberUnit = {
  name: string;
  short: string;
  groups: (typeof coordGroups)[number][];
  sectors: (typeof sectors)[number][];
};

export const memberUnits: MemberUnit[] = [
  { name: '区委办公室', short: '区委办', groups: [], sectors: ['机关'] },
  { name: '区政府办公室', short: '区政府办', groups: ['执法协调小组'], sectors: ['机关'] },
  { name: '区委组织部', short: '组织部', groups: ['守法普法协调小组'], sectors: ['机关'] },
  { name: '区委宣传部', short: '宣传部', groups: ['守法普法协调小组'], sectors: ['机关'] },
  { name: '区委政法委', short: '政法委', groups: ['司法协调小组'], sectors: ['机关'] },
  { name: '区人民法院', short: '区法院', groups: ['司法协调小组'], sectors: ['单位'] },
  { name: '区人民检察院', short: '区检察院', groups: ['司法协调小组'], sectors: ['单位'] },
  { name: '区公安分局', short: '公安分局', groups: ['执法协调小组', '司法协调小组'], sectors: ['单位'] },
  { name: '区司法局', short: '司法局', groups: ['司法协调小组', '守法普法协调小组'], sectors: ['机关'] },
  { name: '区财政局', short: '财政局', groups: [], sectors: ['机关'] },
  { name: '区教育局', short: '教育局', groups: ['守法普法协调小组'], sectors: ['学校'] },
  { name: '区民政局', short: '民政局', groups: ['守法普法协调小组'], sectors: ['社区', '寺庙'] },
  { name: '区自然资源局', short: '自然资源局', groups: ['执法协调小组'], sectors: ['乡村'] },
  { name: '区住房和城乡建设局', short: '住建局', groups: ['执法协调小组'], sectors: ['企业'] },
  { name: '区市场监督管理局', short: '市场监管局', groups: ['执法协调小组'], sectors: ['企业'] },
  { name: '区综合行政执法局', short: '综合执法局', groups: ['执法协调小组'], sectors: ['社区'] },
  { name: '区人力资源和社会保障局', short: '人社局', groups: ['执法协调小组'], sectors: ['企业'] },
];

/** Six 中心司法所, each linking the townships of its area (seed 000: 以6个中心司法所为单元). */
export const centerOffices: { name: string; townships: { name: string; villages: string[] }[] }[] = [
  {
    name: '元坝中心司法所片区',
    townships: [
      { name: '元坝镇', villages: ['元坝社区', '泉坝村'] },
      { name: '卫子镇', villages: ['卫子社区', '河湾村'] },
    ],
  },
  {
    name: '王家中心司法所片区',
    townships: [
      { name: '王家镇', villages: ['王家社区', '青牛村'] },
      { name: '磨滩镇', villages: ['磨滩社区', '两河村'] },
    ],
  },
  {
    name: '柏林沟中心司法所片区',
    townships: [
      { name: '柏林沟镇', villages: ['柏林沟社区', '松林村'] },
      { name: '太公镇', villages: ['太公社区', '红星村'] },
    ],
  },
  {
    name: '虎跳中心司法所片区',
    townships: [
      { name: '虎跳镇', villages: ['虎跳社区', '驸马村'] },
      { name: '红岩镇', villages: ['红岩社区', '大山村'] },
    ],
  },
  {
    name: '昭化中心司法所片区',
    townships: [
      { name: '昭化镇', villages: ['昭化古城社区', '城郊村'] },
      { name: '明觉镇', villages: ['明觉社区', '金光村'] },
    ],
  },
  {
    name: '清水中心司法所片区',
    townships: [
      { name: '清水镇', villages: ['清水社区', '石羊村'] },
      { name: '射箭镇', villages: ['射箭社区', '紫云村'] },
    ],
  },
];

/**
 * 利州区's streets and towns with their 司法所 and 社区/村, appended to the org tree after every other demo org
 * (demo-lizhou-grassroots.ts) so no earlier id moves; two grids under the first community.
 */
export const neighbourTownships: { name: string; villages: string[] }[] = [
  { name: '东坝街道', villages: ['东坝社区', '凤凰社区'] },
  { name: '嘉陵街道', villages: ['嘉陵社区', '万缘社区'] },
  { name: '宝轮镇', villages: ['宝轮社区', '石龙村', '黄家村'] },
];
export const neighbourGridCommunity = '东坝社区';
export const neighbourGrids = ['东坝社区第一网格', '东坝社区第二网格'] as const;

export const demoPassword = 'Fazhi@2026';

export type DemoUser = {
  username: string;
  displayName: string;
  role: string;
  dataScope: string;
  org: string;
  scopeOrg?: string;
};

export const demoUsers: DemoUser[] = [
  { username: 'sysadmin', displayName: '系统管理员', role: 'sysadmin', dataScope: 'none', org: '区委依法治区办' },
  { username: 'secadmin', displayName: '安全保密管理员', role: 'secadmin', dataScope: 'none', org: '区委依法治区办' },
  { username: 'auditor', displayName: '安全审计员', role: 'auditor', dataScope: 'none', org: '区委依法治区办' },
  {
    username: 'office',
    displayName: '王晓燕（依法治区办）',
    role: 'office',
    dataScope: 'subtree',
    org: '区委依法治区办',
    scopeOrg: '昭化区',
  },
  {
    username: 'leader',
    displayName: '李建国（区委领导）',
    role: 'leader',
    dataScope: 'subtree',
    org: '区委全面依法治区委员会',
    scopeOrg: '昭化区',
  },
  {
    username: 'reporter-a',
    displayName: '张丽（区司法局填报员）',
    role: 'reporter',
    dataScope: 'unit',
    org: '区司法局',
  },
  {
    username: 'reporter-b',
    displayName: '刘强（区市场监管局填报员）',
    role: 'reporter',
    dataScope: 'unit',
    org: '区市场监督管理局',
  },
  {
    username: 'lz-office',
    displayName: '陈思远（利州区依法治区办）',
    role: 'office',
    dataScope: 'subtree',
    org: '利州区委依法治区办',
    scopeOrg: '利州区',
  },
  {
    username: 'lz-leader',
    displayName: '何志明（利州区委领导）',
    role: 'leader',
    dataScope: 'subtree',
    org: '利州区',
    scopeOrg: '利州区',
  },
  {
    username: 'city',
    displayName: '赵敏（市依法治市办）',
    role: 'viewer',
    dataScope: 'subtree',
    org: '广元市委依法治市办',
    scopeOrg: '广元市',
  },
];
