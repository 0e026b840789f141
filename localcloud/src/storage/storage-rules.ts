import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { compileRuleExpression, type RuleContext, type RulePredicate } from './rule-expression';

/**
 * The bucket's security rules as CloudBase keeps them: one `{ "read", "write" }` object for every file,
 * each `true`, `false` or an expression. `write` covers upload, overwrite and delete. They bind only
 * client (browser) requests; the server SDK is an administrator and never asks.
 */
export interface StorageRules {
  allows(operation: 'read' | 'write', context: RuleContext): boolean;
}

const RuleValue = z.union([z.boolean(), z.string()]);
const RulesFile = z.strictObject({ $comment: z.string().optional(), read: RuleValue.optional(), write: RuleValue.optional() });

/** CloudBase's default (`{}`): both false, so no client reads or writes any file. */
export const DENY_ALL: StorageRules = { allows: () => false };

/**
 * Reads and compiles a rules file, or returns CloudBase's default when there is none. Throws with the
 * file's name and the reason when it is not JSON, has a key other than read/write, or an expression
 * outside the rule language: a local cloud must not start on rules a deploy would read differently.
 */
export function loadStorageRules(file: string | undefined): StorageRules {
  if (!file) return DENY_ALL;
  try {
    const parsed = RulesFile.parse(JSON.parse(readFileSync(file, 'utf8')));
    return compileStorageRules({ read: parsed.read, write: parsed.write });
  } catch (error) {
    const reason = error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message;
    throw new Error(`storage rules file ${file} is not usable: ${reason}`);
  }
}

/** Compiles `{ read, write }`; an absent operation is false, as in CloudBase. */
export function compileStorageRules(rules: { read?: boolean | string; write?: boolean | string }): StorageRules {
  const read = compileRule(rules.read);
  const write = compileRule(rules.write);
  return { allows: (operation, context) => (operation === 'read' ? read : write)(context) };
}

function compileRule(rule: boolean | string | undefined): RulePredicate {
  if (typeof rule === 'string') return compileRuleExpression(rule);
  const granted = rule === true;
  return () => granted;
}
