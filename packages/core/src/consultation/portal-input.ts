import { z } from '../shared/zod.ts';
import { articleKeySchema } from './article-key.ts';
import { mobileSchema } from './phone.ts';
import { textLength, toPlainText } from './plain-text.ts';
import { normalizeReceiptCode } from './receipt-code.ts';

export const OPINION_CONTENT_MIN = 5;
export const OPINION_CONTENT_MAX = 2000;
export const SUBMITTER_NAME_MAX = 30;

// The raw limit stops megabytes of markup before sanitising; the real limit applies to the plain text.
function plainTextField(label: string, min: number, max: number, isSingleLine = false) {
  const tooLong = `${label}不能超过${max}字`;
  return z
    .string({ message: `请填写${label}` })
    .max(max * 10, { message: tooLong })
    .transform((s) => toPlainText(s, { isSingleLine }))
    .pipe(
      z
        .string()
        .refine((s) => textLength(s) >= min, { message: min <= 1 ? `请填写${label}` : `${label}至少${min}个字` })
        .refine((s) => textLength(s) <= max, { message: tooLong }),
    );
}

/** What anyone may send from the public portal: an opinion on a whole draft or on one article. */
export const portalOpinionSchema = z.object({
  draftId: z
    .string({ message: '缺少草案编号' })
    .trim()
    .min(1, { message: '缺少草案编号' })
    .max(64, { message: '草案编号有误' }),
  /** Absent or null: the opinion is on the draft as a whole. */
  articleKey: articleKeySchema.nullish().transform((k) => k ?? null),
  name: plainTextField('姓名', 1, SUBMITTER_NAME_MAX, true),
  phone: mobileSchema,
  content: plainTextField('意见内容', OPINION_CONTENT_MIN, OPINION_CONTENT_MAX),
});

export type PortalOpinionInput = z.input<typeof portalOpinionSchema>;
export type PortalOpinion = z.output<typeof portalOpinionSchema>;

export const receiptCodeSchema = z.string({ message: '请输入回执码' }).transform((input, ctx) => {
  const code = normalizeReceiptCode(input);
  if (code === null) {
    ctx.addIssue({ code: 'custom', message: '回执码有误，请核对后重新输入', input });
    return z.NEVER;
  }
  return code;
});

export const receiptLookupSchema = z.object({ code: receiptCodeSchema });
