import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import type { Deadline } from '../outbound';

/** What one connection test needs from the connector that runs it. */
export interface FlowContext {
  dispatcher: Dispatcher;
  deadline: Deadline;
  userAgent: string;
  allowPrivateTargets: boolean;
  logger?: Logger;
}
