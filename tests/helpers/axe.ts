import axe from 'axe-core';
import type { Page } from 'playwright-core';

// axe-core in the page under test: its source evaluated in the page, run on the whole document,
// the violations brought back in a form a failing test can print and a person can fix. The
// server's Content-Security-Policy (script-src 'self') refuses an inline <script>, so the source
// is not added as a script tag (page.addScriptTag would be blocked); it is evaluated through
// the browser's debugging protocol, which the policy does not govern, and the page stays as
// served.

/** A violation as a test reports it: which rule, how grave, what it asks, where. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  /** The first few elements that break it, as CSS selectors. */
  targets: string[];
  /** How many elements break it in all. */
  count: number;
}

/** The impacts a screen may not have. */
export const GRAVE = ['serious', 'critical'];

/** Runs axe on the page's document as it is now; every violation, grave or not. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const results = await run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.slice(0, 3).map((n) => n.target.map(String).join(' ')),
      count: v.nodes.length,
    }));
  });
}

/** The serious and critical violations only. */
export async function graveViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeViolations(page)).filter((v) => v.impact !== null && GRAVE.includes(v.impact));
}

/** One line per violation, with where it is: what a failing test prints. */
export function describeViolations(screen: string, violations: AxeViolation[]): string {
  if (violations.length === 0) return `${screen}: no violation`;
  const lines = violations.map(
    (v) => `  [${v.impact}] ${v.id}: ${v.help} (${v.count}×) at ${v.targets.join(' | ')}\n    ${v.helpUrl}`,
  );
  return `${screen}: ${violations.length} violation(s)\n${lines.join('\n')}`;
}
