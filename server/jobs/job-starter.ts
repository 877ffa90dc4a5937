import { AuditActorType } from '../audit/audit-action';
import type { AuditActor } from '../audit/audit-scope';

/** How the audit trail names the runner when the schedule (RETEST_INTERVAL_MINUTES) started the job. */
export const JOB_RUNNER_ACTOR = 'connection-test-jobs';

/** Who started a job, as stored on it: "user:{id}" or "apiKey:{id}" and the name the audit trail gives them; nulls for the schedule. */
export interface JobStarter {
  createdBy: string | null;
  createdByName: string | null;
}

/** The job's starter from whoever is acting now (the request's audit scope). */
export function jobStarterOf(actor: AuditActor): JobStarter {
  if (actor.type === AuditActorType.USER && actor.id) return { createdBy: `user:${actor.id}`, createdByName: actor.name };
  if (actor.type === AuditActorType.API_KEY && actor.id) return { createdBy: `apiKey:${actor.id}`, createdByName: actor.name };
  return { createdBy: null, createdByName: null };
}

/**
 * Who a job's tests are audited as: the user or API key that started it, so the trail shows
 * who caused each test; a scheduled job's tests are storelink's own.
 */
export function auditActorOfJob(starter: JobStarter): AuditActor {
  const [kind, id] = splitOnce(starter.createdBy ?? '');
  if (kind === 'user' && id) return { type: AuditActorType.USER, id, name: starter.createdByName };
  if (kind === 'apiKey' && id) return { type: AuditActorType.API_KEY, id, name: starter.createdByName };
  return { type: AuditActorType.SYSTEM, id: null, name: JOB_RUNNER_ACTOR };
}

function splitOnce(value: string): [string, string] {
  const colon = value.indexOf(':');
  return colon < 0 ? [value, ''] : [value.slice(0, colon), value.slice(colon + 1)];
}
