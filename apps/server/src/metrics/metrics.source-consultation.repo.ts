import { OPINION_STATUS_LABELS } from '@fazhi/core/consultation/opinion-lifecycle';
import { shanghaiDateSql } from '../platform/kernel/clock.ts';
import { fieldKey, literal, type SourceAdapter } from './metrics.source-adapter.repo.ts';

// The 立法联系点 tables as metric sources (consultation.drafts / .opinions / .adopted). Counting rules as in
// core consultation-stats.ts: drafts by the year the window opened, opinions by the submission date in Shanghai,
// failed moderation not counted, a merged duplicate not adopted twice.

function fieldsOf(name: string, fields: Record<string, string>) {
  return (field: string) => {
    const expr = fields[fieldKey(field)];
    if (!expr) throw new Error(`${name} has no field ${field}`);
    return expr;
  };
}

/** Published consultations: a draft opened for comment, dated by the opening day. */
export const consultationsSource: SourceAdapter = {
  name: '立法联系点征求意见事项',
  from: 'consultations r',
  where: `r.status = 'published'`,
  org: 'r.org_id',
  date: () => 'r.opens_on',
  text: fieldsOf('consultation.consultations', {
    draft_id: 'r.draft_id::text',
    legislature_level: 'r.legislature_level',
  }),
  number: fieldsOf('consultation.consultations', { draft_id: 'r.draft_id::float8' }),
  columns: [
    { key: 'title', title: '征询事项', sql: 'r.title' },
    { key: 'legislature', title: '来文机关', sql: 'r.legislature' },
    { key: 'opensOn', title: '开始日期', sql: `to_char(r.opens_on, 'YYYY-MM-DD')` },
  ],
  rowId: 'r.id',
};

const statusLabel = `(case r.status ${Object.entries(OPINION_STATUS_LABELS)
  .map(([k, v]) => `when ${literal(k)} then ${literal(v)}`)
  .join(' ')} else r.status end)`;

/** Opinions collected (portal and offline), except those that failed moderation. */
export const opinionsSource: SourceAdapter = {
  name: '立法联系点意见建议',
  from: 'consultation_opinions r',
  where: `r.moderation <> 'blocked'`,
  org: 'r.org_id',
  date: () => shanghaiDateSql('r.submitted_at'),
  text: fieldsOf('consultation.opinions', { status: 'r.status', decision: 'r.decision', channel: 'r.channel' }),
  number: fieldsOf('consultation.opinions', {}),
  columns: [
    { key: 'name', title: '提出人', sql: 'r.name', personal: 'name' },
    { key: 'content', title: '意见内容', sql: 'r.content' },
    { key: 'status', title: '状态', sql: statusLabel },
    {
      key: 'submittedAt',
      title: '提交日期',
      sql: `to_char(r.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`,
    },
  ],
  rowId: 'r.id',
};
