import { defineLedger } from '../definition.ts';
import { opts } from './options.ts';

/**
 * 公共法律服务. Storage keys:
 * - pls_facility: name (unique), facility_type (center|station|room), established_date, staff_count,
 *   standardised (boolean), address
 * - pls_person: name (personal), phone, role (village_adviser|legal_literate), appointed_date, village,
 *   profession (lawyer|grassroots_worker|notary|cadre|villager|other), trained (boolean)
 */
export const plsFacility = defineLedger({
  key: 'pls_facility',
  name: '公共法律服务平台',
  category: '公共法律服务',
  description: '公共法律服务中心、工作站、工作室，每个平台一行',
  dateField: 'established_date',
  fields: [
    { key: 'name', label: '平台名称', kind: 'text', required: true, unique: true },
    {
      key: 'facility_type',
      label: '平台类型',
      kind: 'enum',
      required: true,
      options: opts([
        ['center', '公共法律服务中心'],
        ['station', '公共法律服务工作站'],
        ['room', '公共法律服务工作室'],
      ]),
    },
    { key: 'established_date', label: '建成日期', kind: 'date', required: true },
    { key: 'staff_count', label: '工作人员', kind: 'number', integer: true, min: 0, unit: '人' },
    { key: 'standardised', label: '规范化达标', kind: 'boolean' },
    { key: 'address', label: '地址', kind: 'text' },
  ],
  listColumns: ['name', 'facility_type', 'staff_count', 'standardised', 'address'],
  filters: ['facility_type', 'standardised', 'name'],
  sortable: ['staff_count', 'name'],
});

export const plsPerson = defineLedger({
  key: 'pls_person',
  name: '法律顾问与法律明白人',
  category: '公共法律服务',
  description: '“一村（居）一法律顾问”和“法律明白人”名册，每人一行',
  dateField: 'appointed_date',
  fields: [
    { key: 'name', label: '姓名', kind: 'person_name', required: true },
    { key: 'phone', label: '联系电话', kind: 'phone' },
    {
      key: 'role',
      label: '身份',
      kind: 'enum',
      required: true,
      options: opts([
        ['village_adviser', '村（居）法律顾问'],
        ['legal_literate', '法律明白人'],
      ]),
    },
    { key: 'appointed_date', label: '聘任日期', kind: 'date', required: true },
    { key: 'village', label: '服务村（社区）', kind: 'text', required: true },
    {
      key: 'profession',
      label: '职业',
      kind: 'enum',
      options: opts([
        ['lawyer', '律师'],
        ['grassroots_worker', '基层法律服务工作者'],
        ['notary', '公证员'],
        ['cadre', '村（社区）干部'],
        ['villager', '村（居）民'],
        ['other', '其他'],
      ]),
    },
    { key: 'trained', label: '参加培训', kind: 'boolean' },
  ],
  listColumns: ['name', 'phone', 'role', 'village', 'profession', 'trained'],
  filters: ['role', 'profession', 'trained', 'village'],
  sortable: ['village'],
  uniqueTogether: [['name', 'phone']],
});
