import { defineLedger, type LedgerDefinition } from '../../ledgers/definition.ts';
import { options } from './options.ts';

/**
 * Village rosters besides legal advisers and 法律明白人: one row per person on the village (村/社区) org, so coverage
 * by village is `distinct` on `row_org_id`. Storage keys (the same for all three):
 * name (personal), gender (male|female), phone, joined_date, specialty, active (boolean, 在册).
 */
const rosterFields = (joinedLabel: string, specialtyLabel: string) => [
  { key: 'name', label: '姓名', kind: 'person_name' as const, required: true },
  { key: 'gender', label: '性别', kind: 'enum' as const, options: options({ male: '男', female: '女' }) },
  { key: 'phone', label: '联系电话', kind: 'phone' as const },
  { key: 'joined_date', label: joinedLabel, kind: 'date' as const, required: true },
  { key: 'specialty', label: specialtyLabel, kind: 'text' as const, maxLength: 100 },
  { key: 'active', label: '在册', kind: 'boolean' as const, required: true },
];

export const lawVolunteer = defineLedger({
  key: 'law_volunteer',
  name: '普法志愿者',
  category: '普法依法治理',
  description: '普法志愿者名册，每人一行，登记在所服务的村（社区）',
  dateField: 'joined_date',
  fields: rosterFields('注册日期', '服务特长'),
  listColumns: ['name', 'gender', 'specialty', 'active'],
  filters: ['active', 'name'],
});

export const villageSage = defineLedger({
  key: 'village_sage',
  name: '乡贤',
  category: '普法依法治理',
  description: '参与矛盾调解、移风易俗的新乡贤名册，每人一行，登记在所在村（社区）',
  dateField: 'joined_date',
  fields: rosterFields('聘任日期', '身份或专长'),
  listColumns: ['name', 'gender', 'specialty', 'active'],
  filters: ['active', 'name'],
});

export const villageHost = defineLedger({
  key: 'village_host',
  name: '农村知客',
  category: '普法依法治理',
  description: '农村知客（红白喜事理事、邻里说和人）名册，每人一行，登记在所在村（社区）',
  dateField: 'joined_date',
  fields: rosterFields('聘任日期', '擅长事项'),
  listColumns: ['name', 'gender', 'specialty', 'active'],
  filters: ['active', 'name'],
});

export const rosterLedgers: LedgerDefinition[] = [lawVolunteer, villageSage, villageHost];
