import { defineLedger } from '../../ledgers/definition.ts';
import { fourActionLabels, fourActions } from '../service-projects.ts';
import { options } from './options.ts';

/**
 * Service projects. Storage keys:
 * - benefit_village: village (listed village name), listed_date, covered (boolean), team_leader, measures
 *   — 法治惠民“12345”工程 target list, one row per listed village (org: the village, or its township)
 * - four_actions: activity_date, action (contract_review|theme_education|poor_household_rights|legal_aid_coverage),
 *   title, beneficiaries (人次), note
 * - three_ones_service: start_date, target, target_kind (key_project|private_firm), team, plan, status
 * - adviser_contract: adviser (personal), firm, village, start_date, end_date, duties, contract (attachment)
 */
export const benefitVillage = defineLedger({
  key: 'benefit_village',
  name: '法治惠民“12345”村',
  category: '公共法律服务',
  description: '法治惠民“12345”工程列入的村（贫困村），每村一行，标注是否已覆盖',
  dateField: 'listed_date',
  fields: [
    { key: 'village', label: '村（社区）', kind: 'text', required: true, unique: true, maxLength: 60 },
    { key: 'listed_date', label: '列入日期', kind: 'date', required: true },
    { key: 'covered', label: '已落实覆盖', kind: 'boolean', required: true },
    { key: 'team_leader', label: '法治扶贫队伍负责人', kind: 'text', maxLength: 40 },
    { key: 'measures', label: '落实情况', kind: 'text', multiline: true },
  ],
  listColumns: ['village', 'covered', 'team_leader'],
  filters: ['covered', 'village'],
  sortable: ['village'],
});

export const fourActionsActivity = defineLedger({
  key: 'four_actions',
  name: '法律服务“四项行动”',
  category: '公共法律服务',
  description: '合同审核、主题教育、贫困户维权、法援全覆盖四项行动开展情况，每次活动一行',
  dateField: 'activity_date',
  fields: [
    { key: 'activity_date', label: '开展日期', kind: 'date', required: true },
    {
      key: 'action',
      label: '行动类别',
      kind: 'enum',
      required: true,
      options: fourActions.map((key) => ({ key, label: fourActionLabels[key] })),
    },
    { key: 'title', label: '活动内容', kind: 'text', required: true, maxLength: 200 },
    { key: 'beneficiaries', label: '服务人次', kind: 'number', integer: true, min: 0, unit: '人次' },
    { key: 'note', label: '备注', kind: 'text', multiline: true },
  ],
  listColumns: ['action', 'title', 'beneficiaries'],
  filters: ['action', 'title'],
  sortable: ['beneficiaries'],
});

export const threeOnesService = defineLedger({
  key: 'three_ones_service',
  name: '法律服务“三个一”',
  category: '公共法律服务',
  description: '为重点项目、民营企业建立“一个服务对象、一个工作队伍、一套服务方案”，每个服务对象一行',
  dateField: 'start_date',
  fields: [
    { key: 'target', label: '服务对象', kind: 'text', required: true, unique: true, maxLength: 100 },
    {
      key: 'target_kind',
      label: '对象类别',
      kind: 'enum',
      required: true,
      options: options({ key_project: '重点项目', private_firm: '民营企业' }),
    },
    { key: 'start_date', label: '建立日期', kind: 'date', required: true },
    { key: 'team', label: '工作队伍', kind: 'text', required: true, help: '成员姓名用顿号分隔' },
    { key: 'plan', label: '服务方案', kind: 'text', required: true, multiline: true },
    {
      key: 'status',
      label: '服务状态',
      kind: 'enum',
      required: true,
      options: options({ serving: '服务中', finished: '已完成' }),
    },
  ],
  listColumns: ['target', 'target_kind', 'team', 'status'],
  filters: ['target_kind', 'status', 'target'],
});

export const adviserContract = defineLedger({
  key: 'adviser_contract',
  name: '村（居）法律顾问合同',
  category: '公共法律服务',
  description: '一村（居）一法律顾问聘用合同，含聘期和服务职责，每份合同一行',
  dateField: 'start_date',
  fields: [
    { key: 'adviser', label: '法律顾问', kind: 'person_name', required: true },
    { key: 'firm', label: '所在律所', kind: 'text', maxLength: 100 },
    { key: 'village', label: '服务村（社区）', kind: 'text', required: true, maxLength: 60 },
    { key: 'start_date', label: '聘期开始', kind: 'date', required: true },
    { key: 'end_date', label: '聘期结束', kind: 'date', required: true },
    { key: 'duties', label: '服务职责', kind: 'text', required: true, multiline: true },
    { key: 'contract', label: '合同文本', kind: 'attachment' },
  ],
  listColumns: ['adviser', 'firm', 'village', 'end_date'],
  filters: ['village', 'adviser'],
  sortable: ['end_date'],
  uniqueTogether: [['village', 'start_date']],
  rules: [{ kind: 'date_order', before: 'start_date', after: 'end_date' }],
});

export const serviceProjectLedgers = [benefitVillage, fourActionsActivity, threeOnesService, adviserContract];
