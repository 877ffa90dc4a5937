import type { Agent } from 'undici';
import { Deadline, MAX_CONNECT_MS, createOutboundDispatcher, headerValue, sendRequest } from '../platforms/outbound';

/** Standard Webhooks recommends 15 to 30 s for a receiver to answer. */
export const WEBHOOK_TIMEOUT_MS = 15_000;

export type SendResult =
  | { kind: 'response'; status: number; retryAfter: string | undefined }
  | { kind: 'failure'; message: string };

/**
 * One POST of a signed webhook, under the connection tests' outbound policy (safe-dispatcher:
 * addresses checked at connect time, after DNS). Redirects are not followed: a 3xx is a failed
 * attempt like any other answer that is not 2xx. Never throws.
 */
export class WebhookSender {
  private readonly dispatcher: Agent;

  constructor(private readonly options: { allowPrivateTargets: boolean; userAgent: string }) {
    this.dispatcher = createOutboundDispatcher({ allowPrivateTargets: options.allowPrivateTargets, connectTimeoutMs: MAX_CONNECT_MS });
  }

  async send(url: string, headers: Record<string, string>, body: string): Promise<SendResult> {
    const deadline = new Deadline(WEBHOOK_TIMEOUT_MS);
    try {
      const exchange = await sendRequest(
        this.dispatcher,
        { method: 'POST', url, headers: { 'content-type': 'application/json', 'user-agent': this.options.userAgent, ...headers }, body },
        deadline,
      );
      if (exchange.kind === 'response') return { kind: 'response', status: exchange.status, retryAfter: headerValue(exchange.headers, 'retry-after') };
      return { kind: 'failure', message: FAILURE_MESSAGES[exchange.failure] };
    } finally {
      deadline.dispose();
    }
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }
}

const FAILURE_MESSAGES = {
  timeout: `The receiver did not answer within ${WEBHOOK_TIMEOUT_MS / 1000} seconds.`,
  'forbidden-target': 'Refused: the URL resolves to a private, local or reserved network address.',
  dns: 'The receiver\'s host name could not be resolved.',
  network: 'The connection to the receiver failed.',
  'too-large': 'The receiver\'s answer was larger than 1 MiB.',
} as const;
