import { defineLedger } from '../definition.ts';
import { opts } from './options.ts';

/**
 * 荣誉 (the assessment's 加法 bonus reads these). Storage keys: title, category (commendation|experience|
 * instruction|demonstration: 通报表扬/经验交流/批示肯定/示范建设), level (central|province|city|district), awarded_date,
 * issuing_authority, document_no, recipient.
 */
export const honourCategories = opts([
  ['commendation', '通报表扬'],
  ['experience', '经验交流'],
  ['instruction', '批示肯定'],
  ['demonstration', '示范建设'],
]);
export const honourLevels = opts([
  ['central', '中央'],
  ['province', '省'],
  ['city', '市'],
  ['district', '区'],
]);

export const honour = defineLedger({
  key: 'honour',
  name: '荣誉表彰',
  category: '党委领导',
  description: '获得的通报表扬、经验交流、批示肯定、示范建设，作为考核加分依据',
  dateField: 'awarded_date',
  fields: [
    { key: 'title', label: '荣誉名称', kind: 'text', required: true },
    { key: 'category', label: '类别', kind: 'enum', required: true, options: honourCategories },
    { key: 'level', label: '级别', kind: 'enum', required: true, options: honourLevels },
    { key: 'awarded_date', label: '获得日期', kind: 'date', required: true },
    { key: 'issuing_authority', label: '授予机关', kind: 'text', required: true },
    { key: 'document_no', label: '文件文号', kind: 'text' },
    { key: 'recipient', label: '获得单位或个人', kind: 'text' },
  ],
  listColumns: ['title', 'category', 'level', 'issuing_authority', 'document_no'],
  filters: ['category', 'level', 'title'],
  sortable: ['title'],
  uniqueTogether: [['title', 'awarded_date']],
});
