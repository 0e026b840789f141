import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** WeChat's `suggest`: risky (block), review (let a person look), pass. */
export type Suggest = 'risky' | 'review' | 'pass';

/** WeChat's label for normal content; other labels name a category (20006 违法犯罪, 21000 其他 ...). */
export const LABEL_NORMAL = 100;
const LABEL_OTHER = 21000;

const WordList = z.array(z.union([z.string().min(1), z.object({ word: z.string().min(1), label: z.number().int().optional() })]));
const RulesFile = z.object({ risky: WordList.default([]), review: WordList.default([]) });

interface Rule {
  word: string;
  label: number;
}

export interface SecCheckRules {
  risky: Rule[];
  review: Rule[];
}

export interface SecCheckVerdict {
  suggest: Suggest;
  label: number;
  /** The listed word that decided it, if any. */
  keyword?: string;
}

/** Used when no file is configured: words no real text contains, for tests and the demo. */
const DEFAULT_RULES = { risky: ['违禁词测试'], review: ['待审词测试'] };

/**
 * The stand-in's word lists: `{ "risky": [...], "review": [...] }`, each entry a word or `{ word, label }`.
 * Read once; a file that is missing or malformed stops the start, rather than letting everything pass.
 */
export function loadSecCheckRules(file?: string): SecCheckRules {
  const raw: unknown = file ? JSON.parse(readFileSync(file, 'utf8')) : DEFAULT_RULES;
  const parsed = RulesFile.parse(raw);
  const toRule = (entry: z.infer<typeof WordList>[number]): Rule =>
    typeof entry === 'string' ? { word: entry, label: LABEL_OTHER } : { word: entry.word, label: entry.label ?? LABEL_OTHER };
  return { risky: parsed.risky.map(toRule), review: parsed.review.map(toRule) };
}

/** Risky words win over review words; matching ignores case. */
export function judgeText(rules: SecCheckRules, text: string): SecCheckVerdict {
  const lower = text.toLowerCase();
  for (const suggest of ['risky', 'review'] as const) {
    const hit = rules[suggest].find((rule) => lower.includes(rule.word.toLowerCase()));
    if (hit) return { suggest, label: hit.label, keyword: hit.word };
  }
  return { suggest: 'pass', label: LABEL_NORMAL };
}
