import { defineLedger } from '../definition.ts';
import { opts } from './options.ts';

/**
 * 普法 and 示范创建. Storage keys:
 * - publicity_activity: title, activity_date, sector (organ|school|village|community|enterprise|temple|unit:
 *   法律七进), form (lecture|campaign|exhibition|performance|online|training|other), participants (人次),
 *   weekly_tour (boolean: 法治周周行), location, materials (份)
 * - demo_site: name (unique), level (province|city|district), site_type (township|organ|village_community),
 *   named_date, naming_authority, seven_entries (boolean: 法律七进示范点)
 */
export const lawSevenSectors = opts([
  ['organ', '进机关'],
  ['school', '进学校'],
  ['village', '进乡村'],
  ['community', '进社区'],
  ['enterprise', '进企业'],
  ['temple', '进寺庙'],
  ['unit', '进单位'],
]);

export const publicityActivity = defineLedger({
  key: 'publicity_activity',
  name: '普法活动',
  category: '普法依法治理',
  description: '“法律七进”等普法宣传活动，每场一行',
  dateField: 'activity_date',
  fields: [
    { key: 'title', label: '活动名称', kind: 'text', required: true },
    { key: 'activity_date', label: '活动日期', kind: 'date', required: true },
    { key: 'sector', label: '法律七进', kind: 'enum', required: true, options: lawSevenSectors },
    {
      key: 'form',
      label: '活动形式',
      kind: 'enum',
      required: true,
      options: opts([
        ['lecture', '法治讲座'],
        ['campaign', '集中宣传'],
        ['exhibition', '展览展示'],
        ['performance', '文艺演出'],
        ['online', '线上普法'],
        ['training', '学法培训'],
        ['other', '其他'],
      ]),
    },
    { key: 'participants', label: '参与人次', kind: 'number', integer: true, min: 0, required: true, unit: '人次' },
    { key: 'weekly_tour', label: '法治周周行', kind: 'boolean' },
    { key: 'materials', label: '发放资料', kind: 'number', integer: true, min: 0, unit: '份' },
    { key: 'location', label: '活动地点', kind: 'text' },
  ],
  listColumns: ['title', 'sector', 'form', 'participants', 'weekly_tour', 'location'],
  filters: ['sector', 'form', 'weekly_tour', 'title'],
  sortable: ['participants'],
});

export const demoSite = defineLedger({
  key: 'demo_site',
  name: '法治示范创建',
  category: '普法依法治理',
  description: '命名的民主法治示范村（社区）、法治示范乡镇、学法用法示范机关等，按级别和类型统计',
  dateField: 'named_date',
  fields: [
    { key: 'name', label: '示范点名称', kind: 'text', required: true, unique: true },
    {
      key: 'level',
      label: '命名级别',
      kind: 'enum',
      required: true,
      options: opts([
        ['province', '省级'],
        ['city', '市级'],
        ['district', '区级'],
      ]),
    },
    {
      key: 'site_type',
      label: '示范类型',
      kind: 'enum',
      required: true,
      options: opts([
        ['township', '乡镇（街道）'],
        ['organ', '机关（单位）'],
        ['village_community', '村（社区）'],
      ]),
    },
    { key: 'named_date', label: '命名日期', kind: 'date', required: true },
    { key: 'naming_authority', label: '命名机关', kind: 'text' },
    { key: 'seven_entries', label: '法律七进示范点', kind: 'boolean' },
  ],
  listColumns: ['name', 'level', 'site_type', 'naming_authority', 'seven_entries'],
  filters: ['level', 'site_type', 'seven_entries', 'name'],
  sortable: ['name'],
});
