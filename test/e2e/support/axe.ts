import fs from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core's engine, read once from the package and evaluated in the page (as @axe-core/playwright does). */
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * The critical and serious violations axe-core finds on the page as it is now (every WCAG 2.x
 * A/AA rule and axe's best practices). Evaluated through the DevTools protocol, so the page's
 * Content-Security-Policy stays on.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  await transitionsSettled(page);
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`)) as Array<{
    id: string;
    impact: string | null;
    help: string;
    nodes: Array<{ target: unknown[]; failureSummary?: string }>;
  }>;
  return violations
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact!,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${JSON.stringify(node.target)}: ${node.failureSummary?.replace(/\s+/g, ' ').slice(0, 200) ?? ''}`),
    }));
}

/**
 * MUI animates colour changes (a chip turning from "Untested" grey to "Failing" red takes 300 ms):
 * axe measuring contrast half-way through would report a blend no user reads. Endless animations
 * (spinners) are not waited for.
 */
async function transitionsSettled(page: Page): Promise<void> {
  // A string, evaluated through the DevTools protocol like axe itself: the page's CSP forbids eval.
  await page.evaluate(`Promise.race([
    Promise.all(document.getAnimations()
      .filter((a) => a.effect?.getTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => undefined))),
    new Promise((resolve) => setTimeout(resolve, 5000)),
  ])`);
}
