import { ConnectionStatus } from '../../common/connection-outcome';
import { ApiVersion } from '../../common/api-version';
import { parseLegacyApiUrl } from './api-path';
import { failedOutcome, legacyOutcome, type OutcomeBody } from './classify';
import type { FlowContext } from './flow-context';
import * as say from './messages';
import { runAccountProbes } from './account-probes';
import { HEADER_SAFE_SECRET } from './probe-sender';
import { STORE_PROBE } from './probes';

export interface LegacyCredentials {
  apiVersion: typeof ApiVersion.LEGACY;
  /** Normalised by parseLegacyApiUrl: "https://host/api/v2/". */
  apiUrl: string;
  username: string;
  apiToken: string;
}

/** Basic auth joins username and token with ":", so a username cannot contain one. */
const BASIC_USERNAME = /^[^\x00-\x1f\x7f:]+$/;

/**
 * Tests a Legacy API account: HTTP Basic auth against the store's own domain. The URL was
 * typed by a user, so it is checked again here (https only unless private targets are
 * allowed) and the connection itself goes through the SSRF-guarded dispatcher.
 */
export async function testLegacyAccount(credentials: LegacyCredentials, context: FlowContext): Promise<OutcomeBody> {
  const parsed = parseLegacyApiUrl(credentials.apiUrl, context.allowPrivateTargets);
  const target = { apiVersion: ApiVersion.LEGACY, apiUrl: parsed.ok ? parsed.value : credentials.apiUrl } as const;
  if (!parsed.ok) {
    const insecure = /^\s*http:/i.test(credentials.apiUrl);
    return insecure
      ? failedOutcome(target, ConnectionStatus.NETWORK_ERROR, say.insecureScheme())
      : failedOutcome(target, ConnectionStatus.STORE_NOT_FOUND, parsed.reason);
  }
  if (!BASIC_USERNAME.test(credentials.username) || !HEADER_SAFE_SECRET.test(credentials.apiToken)) {
    return failedOutcome(target, ConnectionStatus.INVALID_CREDENTIALS, say.malformedSecret(target));
  }

  const basic = Buffer.from(`${credentials.username}:${credentials.apiToken}`, 'utf8').toString('base64');
  const run = await runAccountProbes(
    {
      probes: [STORE_PROBE],
      // STORE_PROBE's path "v2/store" resolves against ".../api/" to the legacy ".../api/v2/store".
      apiRoot: new URL('..', parsed.value).href,
      authHeaders: { authorization: `Basic ${basic}` },
    },
    context,
  );
  context.logger?.debug({ requests: run.requestsSent }, 'bigcommerce legacy test done');
  return legacyOutcome(run.results, target, context.deadline.totalMs);
}
