import type { z } from '@fazhi/core/shared/zod';
import type { FormInstance, FormRule } from 'antd';

// zod's zh-CN locale starts every built-in message with this; schema-specific messages don't.
const genericPrefix = '无效输入';

type Options = {
  /** Turns the form control's value into what the schema expects (e.g. a dayjs into YYYY-MM-DD). */
  map?: (value: unknown) => unknown;
  /** Shown when the field is empty and the schema's own message would be a generic type error. */
  requiredMessage?: string;
};

/**
 * An antd Form rule that validates one field with its zod schema from @fazhi/core and shows the schema's
 * Chinese message. An empty control is tried as '' first, so `min(1, '名称不能为空')` speaks instead of zod's
 * generic "expected string" message.
 */
export function zodRule(schema: z.ZodType, options: Options = {}): FormRule {
  return {
    validator: async (_rule, raw) => {
      const value = options.map ? options.map(raw) : raw;
      const isEmpty = value === undefined || value === null || value === '';
      const result = schema.safeParse(isEmpty ? undefined : value);
      if (result.success) return;
      if (isEmpty) {
        if (options.requiredMessage) throw new Error(options.requiredMessage);
        // A schema's own message for a missing value ({ error: '请选择牵头单位' }) beats zod's generic one.
        const own = result.error.issues[0]?.message;
        if (own && !own.startsWith(genericPrefix)) throw new Error(own);
        // For text, min(1, '名称不能为空') says it best.
        const asText = schema.safeParse('');
        const textIssue = asText.success ? undefined : asText.error.issues[0];
        if (textIssue?.code === 'too_small') throw new Error(textIssue.message);
        throw new Error('此项为必填项');
      }
      throw new Error(result.error.issues[0]?.message ?? '此项有误');
    },
  };
}

/** Form.Item props for a zod field: the rule, plus the asterisk when the schema refuses an empty value. */
export function zodItem(schema: z.ZodType, options: Options = {}) {
  return { rules: [zodRule(schema, options)], required: !schema.safeParse(undefined).success };
}

/** Puts field-level details of a 400 response ({field, message}[]) onto the form, when they name a field. */
export function showFieldErrors(form: FormInstance, details: unknown): boolean {
  if (!Array.isArray(details)) return false;
  const fields = details
    .filter((d): d is { field: string; message: string } => typeof d?.field === 'string' && d.field !== '')
    .map((d) => ({ name: d.field.split('.'), errors: [d.message] }));
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}

/**
 * The form's values, or null when a field is invalid (antd already shows the field errors). Use it instead of a
 * bare `await form.validateFields()` in click handlers, whose rejection would otherwise go unhandled.
 */
export async function validFields<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}
