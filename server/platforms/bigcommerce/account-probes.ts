import { runProbes, type ProbeRun } from '../outbound';
import type { FlowContext } from './flow-context';
import { createProbeSender } from './probe-sender';
import { REQUEST_BUDGET, type Probe } from './probes';
import { judge, retrySignal, type Verdict } from './verdicts';

export interface AccountProbes {
  probes: readonly Probe[];
  /** The probe to send after a verdict (a read after a refused write), if the account type has any. */
  followUp?: (probe: Probe, verdict: Verdict) => Probe | undefined;
  /** The account's API root, ending in "/": probe paths are resolved against it. */
  apiRoot: string;
  /** Secret, so never logged. */
  authHeaders: Record<string, string>;
}

/**
 * Runs one account's probes the way every BigCommerce test does: BigCommerce's verdicts and
 * retry rules, within the test's deadline and the connector's request budget. The Store API
 * and the legacy test differ only in what they probe, where, and how they authenticate.
 */
export function runAccountProbes(account: AccountProbes, context: FlowContext): Promise<ProbeRun<Probe, Verdict>> {
  return runProbes({
    probes: account.probes,
    judge,
    retrySignal,
    followUp: account.followUp,
    send: createProbeSender({
      dispatcher: context.dispatcher,
      deadline: context.deadline,
      apiRoot: account.apiRoot,
      authHeaders: account.authHeaders,
      userAgent: context.userAgent,
      logger: context.logger,
    }),
    deadline: context.deadline,
    budget: REQUEST_BUDGET,
    logger: context.logger,
  });
}
