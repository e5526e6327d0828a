import type { LedgerField } from '@fazhi/core/ledgers/definition';
import { Checkbox, DatePicker, Input, InputNumber, Radio, Select } from 'antd';
import { OrgTreeSelect } from '../../../components/org-tree-select.tsx';
import { UploadButton } from '../../../components/upload-button.tsx';

type Props = { field: LedgerField; id?: string; value?: unknown; onChange?: (value: unknown) => void };

/** The form control of one field kind; values stay in form shape (dayjs dates, money in 元) until submit. */
export function LedgerFieldInput({ field, id, value, onChange }: Props) {
  switch (field.kind) {
    case 'enum':
      return (
        <Select
          id={id}
          value={value as string | undefined}
          onChange={onChange}
          allowClear={!field.required}
          placeholder={`请选择${field.label}`}
          options={(field.options ?? []).map((o) => ({ value: o.key, label: o.label }))}
        />
      );
    case 'multi_enum': {
      const options = (field.options ?? []).map((o) => ({ value: o.key, label: o.label }));
      // A short checklist reads best as checkboxes; a long one as a multiple select.
      if (options.length <= 12)
        return (
          <Checkbox.Group
            value={(value as string[] | undefined) ?? []}
            onChange={(v) => onChange?.(v)}
            options={options}
          />
        );
      return (
        <Select
          id={id}
          mode="multiple"
          value={(value as string[] | undefined) ?? []}
          onChange={onChange}
          placeholder={`请选择${field.label}（可多选）`}
          options={options}
        />
      );
    }
    case 'boolean':
      return (
        <Radio.Group id={id} value={value} onChange={(e) => onChange?.(e.target.value)}>
          <Radio value={true}>是</Radio>
          <Radio value={false}>否</Radio>
        </Radio.Group>
      );
    case 'date':
      return (
        <DatePicker
          id={id}
          value={value as never}
          onChange={(d) => onChange?.(d ?? undefined)}
          style={{ width: '100%' }}
          placeholder="请选择日期"
        />
      );
    case 'money':
      return (
        <InputNumber
          id={id}
          value={value as number | undefined}
          onChange={(v) => onChange?.(v ?? undefined)}
          min={0}
          precision={2}
          style={{ width: '100%' }}
          suffix="元"
          placeholder="以元为单位"
        />
      );
    case 'number':
      return (
        <InputNumber
          id={id}
          value={value as number | undefined}
          onChange={(v) => onChange?.(v ?? undefined)}
          min={field.min}
          max={field.max}
          precision={field.integer ? 0 : undefined}
          style={{ width: '100%' }}
          suffix={field.unit}
        />
      );
    case 'org':
      return <OrgTreeSelect value={value as number | undefined} onChange={(v) => onChange?.(v)} />;
    case 'attachment':
      return <UploadButton label={value ? '已上传，重新上传' : '上传附件'} onUploaded={(a) => onChange?.(a.id)} />;
    default:
      if (field.multiline)
        return <Input.TextArea id={id} value={value as string} onChange={(e) => onChange?.(e.target.value)} rows={3} />;
      return (
        <Input
          id={id}
          value={value as string}
          onChange={(e) => onChange?.(e.target.value)}
          placeholder={field.help ?? `请输入${field.label}`}
          maxLength={field.maxLength ?? 200}
        />
      );
  }
}
