import { opinionFingerprint } from './opinion-duplicates.ts';
import { type PortalOpinion, portalOpinionSchema } from './portal-input.ts';
import type { SensitiveWordFilter } from './sensitive-words.ts';

export type PreparedOpinion = PortalOpinion & {
  /** True when a sensitive word was found: the opinion is stored as 待审核, not rejected. */
  needsReview: boolean;
  matchedWords: string[];
  /** Hash this and compare with recent submissions to refuse a double submission. */
  fingerprint: string;
};

export type PrepareResult =
  | { ok: true; opinion: PreparedOpinion }
  | { ok: false; issues: { field: string; message: string }[] };

/** Validates and cleans one public submission and decides whether it needs moderation. */
export function preparePortalOpinion(input: unknown, filter: SensitiveWordFilter): PrepareResult {
  const parsed = portalOpinionSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    };
  }
  const opinion = parsed.data;
  const matchedWords = [...new Set([...filter(opinion.name), ...filter(opinion.content)])];
  return {
    ok: true,
    opinion: {
      ...opinion,
      needsReview: matchedWords.length > 0,
      matchedWords,
      fingerprint: opinionFingerprint(opinion),
    },
  };
}

/** The message for a double submission. */
export const DUPLICATE_SUBMISSION_MESSAGE = '您已提交过相同的意见，请勿重复提交';
