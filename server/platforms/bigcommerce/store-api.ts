import { ConnectionStatus } from '../../common/connection-outcome';
import { ApiVersion } from '../../common/api-version';
import { formatApiPath, parseStoreHash } from './api-path';
import { failedOutcome, storeApiOutcome, type OutcomeBody } from './classify';
import type { FlowContext } from './flow-context';
import * as say from './messages';
import { runAccountProbes } from './account-probes';
import { HEADER_SAFE_SECRET } from './probe-sender';
import { READ_FALLBACKS, STORE_API_PROBES } from './probes';

export interface StoreApiCredentials {
  apiVersion: typeof ApiVersion.STORE_API_OAUTH;
  storeHash: string;
  accessToken: string;
}

/** Tests a Store API account (X-Auth-Token against api.bigcommerce.com/stores/{hash}). */
export async function testStoreApiAccount(credentials: StoreApiCredentials, apiBaseUrl: string, context: FlowContext): Promise<OutcomeBody> {
  // The hash becomes part of the URL path: anything but letters and digits is refused, not escaped.
  const hash = parseStoreHash(credentials.storeHash);
  const target = { apiVersion: ApiVersion.STORE_API_OAUTH, apiPath: formatApiPath(hash.ok ? hash.value : credentials.storeHash) } as const;
  if (!hash.ok) return failedOutcome(target, ConnectionStatus.STORE_NOT_FOUND, hash.reason);
  const storeHash = hash.value;
  if (!HEADER_SAFE_SECRET.test(credentials.accessToken)) {
    return failedOutcome(target, ConnectionStatus.INVALID_CREDENTIALS, say.malformedSecret(target));
  }

  const run = await runAccountProbes(
    {
      probes: STORE_API_PROBES,
      followUp: (probe, verdict) => (verdict.kind === 'denied' ? READ_FALLBACKS[probe.id] : undefined),
      apiRoot: `${apiBaseUrl}/stores/${storeHash}/`,
      authHeaders: { 'x-auth-token': credentials.accessToken },
    },
    context,
  );
  context.logger?.debug({ requests: run.requestsSent }, 'bigcommerce store api test done');
  return storeApiOutcome(run.results, target, context.deadline.totalMs);
}
