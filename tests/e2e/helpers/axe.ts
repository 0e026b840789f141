import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * Accessibility checks with axe-core in the page under test. Its source is injected from node_modules (the
 * browser reaches nothing but the app's origin), then `axe.run` checks the page as it is shown: Taro keeps
 * earlier pages of the stack in the DOM, hidden, and axe leaves hidden elements out.
 */
const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that fail a page: a person cannot use what they hit. Minor and moderate ones are reported only. */
export const FAILING_IMPACTS = ['serious', 'critical'] as const;

export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  /** The CSS selectors of the first few offending elements, to find them. */
  targets: string[];
  count: number;
};

/** Every violation axe finds on the page as shown now (WCAG 2.x A and AA rules and axe's best practices). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    type Result = { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Result[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.map(String).join(' ')),
      count: violation.nodes.length,
    }));
  });
}

/** The serious and critical violations among them. */
export function failingViolations(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((violation) => (FAILING_IMPACTS as readonly string[]).includes(violation.impact ?? ''));
}

/** Fails, naming each rule and where, when the page shows a serious or critical violation. */
export async function expectAccessible(page: Page, label: string): Promise<AxeViolation[]> {
  const violations = await axeViolations(page);
  const failing = failingViolations(violations);
  if (failing.length > 0) {
    const lines = failing.map((v) => `  ${v.impact} ${v.id} ×${v.count}: ${v.help}\n    ${v.targets.join('\n    ')}`);
    throw new Error(`${label}: ${failing.length} serious or critical accessibility violation(s)\n${lines.join('\n')}`);
  }
  return violations;
}
