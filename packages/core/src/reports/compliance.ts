import type { ReportDeadlineStatus } from './deadlines.ts';
import type { FigureMismatch } from './figure-check.ts';
import { type ReportOutline, reportBasis } from './outlines.ts';
import { analyzeStructure, type ReportStructure } from './structure.ts';

export type ComplianceStatus = 'ok' | 'missing' | 'warning' | 'pending';

/** One line of the checklist: what was checked, how it stands, and what to do about it. */
export type ComplianceItem = {
  key: string;
  label: string;
  status: ComplianceStatus;
  detail: string;
  /** What the staff member should do; null when nothing is needed. */
  action: string | null;
  /** Where in the text (for mismatches), in the checked text's offsets. */
  start?: number;
  end?: number;
};

export type ComplianceReport = {
  items: ComplianceItem[];
  passed: number;
  total: number;
  structure: ReportStructure;
};

export type ComplianceInput = {
  text: string;
  /** The outline the report follows; without it the statutory parts are required. */
  outline?: ReportOutline | null;
  deadlines?: ReportDeadlineStatus | null;
  mismatches?: readonly FigureMismatch[] | null;
};

const item = (
  key: string,
  label: string,
  status: ComplianceStatus,
  detail: string,
  action: string | null = null,
): ComplianceItem => ({ key, label, status, detail, action });

function deadlineItems(d: ReportDeadlineStatus): ComplianceItem[] {
  const one = (key: string, what: string, due: string, state: ReportDeadlineStatus['submit']) => {
    const label = `${what}（截止 ${due}）`;
    switch (state) {
      case 'done':
        return item(key, label, 'ok', `已按时${what}`);
      case 'done_late':
        return item(key, label, 'warning', `${what}晚于截止日期`, '在年度考核说明中说明逾期原因');
      case 'overdue':
        return item(key, label, 'missing', `已超过截止日期仍未${what}`, `尽快完成审核定稿并${what}`);
      case 'due_soon':
        return item(key, label, 'pending', `距截止日期不足两周，尚未${what}`, `抓紧审核定稿后${what}`);
      default:
        return item(key, label, 'pending', `尚未${what}，未到截止日期`);
    }
  };
  const submitted = one('submitted', `报送${d.submitTo}`, d.submitBy, d.submit);
  return d.publishBy === null ? [submitted] : [submitted, one('published', '向社会公开', d.publishBy, d.publish)];
}

/**
 * The compliance checklist of an annual report: the required parts, the basis cited in the preamble, signature and
 * date, submission and publication on time, and figures that disagree with the ledgers.
 */
export function checkCompliance(input: ComplianceInput): ComplianceReport {
  const structure = analyzeStructure(input.text);
  const outline = input.outline ?? null;
  const statutory = outline?.isStatutory ?? true;
  const requiredParts = outline
    ? outline.sections.filter((s) => s.isRequired).map((s) => s.part)
    : structure.parts.filter((p) => p.isRequired).map((p) => p.part);
  const items: ComplianceItem[] = [];
  for (const part of structure.parts) {
    const required = requiredParts.includes(part.part);
    if (!required && !part.present) continue;
    items.push(
      part.present
        ? item(`part.${part.part}`, `包含“${part.label}”部分`, 'ok', `标题：${part.heading}`)
        : item(
            `part.${part.part}`,
            `包含“${part.label}”部分`,
            'missing',
            '未找到该部分的一级标题',
            `增加一级标题“${part.label}”并撰写该部分内容`,
          ),
    );
  }
  if (statutory) {
    const cited = reportBasis.filter((b) => structure.basis.some((c) => c.includes(b)));
    items.push(
      structure.hasBasis
        ? item(
            'basis',
            '开头引用报告依据',
            cited.length === reportBasis.length ? 'ok' : 'warning',
            `引用：${structure.basis.map((b) => `《${b}》`).join('')}`,
            cited.length === reportBasis.length ? null : `建议同时引用${reportBasis.map((b) => `《${b}》`).join('')}`,
          )
        : item(
            'basis',
            '开头引用报告依据',
            'missing',
            '开头未写明“根据《…》”',
            `在开头写明“根据${reportBasis.map((b) => `《${b}》`).join('')}”`,
          ),
    );
    items.push(
      structure.signedBy
        ? item('signed', '落款单位', 'ok', structure.signedBy)
        : item('signed', '落款单位', 'missing', '正文后没有落款单位', '在正文后右下方写明报告单位全称'),
    );
    items.push(
      structure.signedDate
        ? item('dated', '成文日期', 'ok', structure.signedDate)
        : item('dated', '成文日期', 'missing', '落款下没有成文日期', '在落款单位下写明成文日期（如 2025年2月20日）'),
    );
  }
  // An internal 工作总结 still has its submission day (and no publication).
  if (input.deadlines) items.push(...deadlineItems(input.deadlines));
  if (input.mismatches) {
    if (input.mismatches.length === 0) {
      items.push(item('figures', '数据与台账一致', 'ok', '正文中可核对的数字均与台账一致'));
    }
    for (const m of input.mismatches) {
      items.push({
        ...item(
          `figure.${m.metric}.${m.start}`,
          `数据与台账一致：${m.metricName}`,
          'warning',
          `正文写“${m.text}”，台账为 ${m.ledger}${m.ledgerUnit}`,
          `核对后将正文改为 ${m.ledger}${m.ledgerUnit}，或更正台账`,
        ),
        start: m.start,
        end: m.end,
      });
    }
  }
  const passed = items.filter((i) => i.status === 'ok').length;
  return { items, passed, total: items.length, structure };
}
