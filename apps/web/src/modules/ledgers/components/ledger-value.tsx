import type { LedgerField } from '@fazhi/core/ledgers/definition';
import { optionLabel } from '@fazhi/core/ledgers/definition';
import type { LedgerValue } from '@fazhi/core/ledgers/row-schema';
import { Tag, Typography } from 'antd';
import { attachmentUrl } from '../../../components/upload-button.tsx';

const tagColors: Record<string, string> = {
  success: 'success',
  failed: 'error',
  ongoing: 'processing',
  accepted: 'processing',
  concluded: 'success',
  not_accepted: 'default',
  excellent: 'success',
  unqualified: 'error',
};

export const formatMoney = (fen: number) =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** One stored value as a table cell shows it. */
export function LedgerValueView({ field, value }: { field: LedgerField; value: LedgerValue | undefined }) {
  if (value === null || value === undefined || value === '')
    return <Typography.Text type="secondary">—</Typography.Text>;
  switch (field.kind) {
    case 'enum':
      return <Tag color={tagColors[String(value)]}>{optionLabel(field, value)}</Tag>;
    case 'multi_enum':
      return (
        <span>
          {(Array.isArray(value) ? value : [value]).map((k) => (
            <Tag key={String(k)}>{optionLabel(field, k)}</Tag>
          ))}
        </span>
      );
    case 'boolean':
      return value ? <Tag color="blue">是</Tag> : <Typography.Text type="secondary">否</Typography.Text>;
    case 'money':
      return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoney(Number(value))}</span>;
    case 'number':
      return (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>
          {String(value)}
          {field.unit ? ` ${field.unit}` : ''}
        </span>
      );
    case 'attachment':
      return (
        <a href={attachmentUrl(Number(value))} target="_blank" rel="noreferrer">
          查看附件
        </a>
      );
    case 'computed':
      if (typeof value === 'boolean')
        return value ? <Tag color="error">{field.label}</Tag> : <Tag color="success">正常</Tag>;
      if (field.resultKind === 'money') return <span>{formatMoney(Number(value))}</span>;
      return <span>{String(value)}</span>;
    default:
      return <span>{String(value)}</span>;
  }
}
