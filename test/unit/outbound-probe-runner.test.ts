import { Deadline, runProbes, type Exchange, type RetrySignal, type RunnableProbe } from '../../server/platforms/outbound';

/**
 * The probe rounds every connector shares: all outstanding probes at once, then retries and
 * follow-ups only while the whole next round fits the request budget and the deadline.
 * Answers come from a script, so each rule is seen on its own (the connector suites run it over HTTP).
 */

interface P extends RunnableProbe {
  id: string;
}
type V = { status: number } | { failure: string };

const get = (id: string, essential = true): P => ({ id, method: 'GET', essential });
const put = (id: string): P => ({ id, method: 'PUT', essential: true });
const ok: Exchange = { kind: 'response', status: 200, headers: {}, body: Buffer.from('{}') };
const status = (code: number): Exchange => ({ kind: 'response', status: code, headers: {}, body: Buffer.alloc(0) });

const judge = (_probe: P, exchange: Exchange): V => (exchange.kind === 'response' ? { status: exchange.status } : { failure: exchange.failure });
const retrySignal = (verdict: V): RetrySignal | null => {
  if ('failure' in verdict) return verdict.failure === 'network' ? { reason: 'network' } : null;
  if (verdict.status === 429) return { reason: 'rate-limited', waitMs: 10 };
  if (verdict.status >= 500) return { reason: 'server-error' };
  return null;
};

/** A send that answers each probe from its script, in order, and records what was sent. */
function scripted(script: Record<string, Exchange[]>) {
  const sent: string[] = [];
  const send = async (probe: P): Promise<Exchange> => {
    sent.push(probe.id);
    const answers = script[probe.id] ?? [ok];
    return answers.length > 1 ? answers.shift()! : answers[0];
  };
  return { sent, send };
}

const deadlines: Deadline[] = [];
const deadline = (ms = 10_000) => {
  const d = new Deadline(ms);
  deadlines.push(d);
  return d;
};
afterEach(() => deadlines.splice(0).forEach((d) => d.dispose()));

test('one round when every answer is final: each probe sent once, every verdict kept', async () => {
  const { sent, send } = scripted({ b: [status(403)] });
  const run = await runProbes({ probes: [get('a'), get('b'), put('c')], judge, retrySignal, send, deadline: deadline(), budget: 8 });
  expect(sent.sort()).toEqual(['a', 'b', 'c']);
  expect(run.requestsSent).toBe(3);
  expect([...run.results.entries()].map(([id, r]) => [id, r.verdict])).toEqual([
    ['a', { status: 200 }],
    ['b', { status: 403 }],
    ['c', { status: 200 }],
  ]);
});

test('a 5xx or a broken connection is retried for a GET only: a write may have been started', async () => {
  const { sent, send } = scripted({ a: [status(500), ok], b: [{ kind: 'failure', failure: 'network', code: 'ECONNRESET' }, ok], c: [status(500), ok] });
  const run = await runProbes({ probes: [get('a'), get('b'), put('c')], judge, retrySignal, send, deadline: deadline(), budget: 8 });
  expect(sent.filter((id) => id === 'a')).toHaveLength(2);
  expect(sent.filter((id) => id === 'b')).toHaveLength(2);
  expect(sent.filter((id) => id === 'c')).toHaveLength(1);
  expect(run.results.get('a')!.verdict).toEqual({ status: 200 });
  expect(run.results.get('c')!.verdict).toEqual({ status: 500 });
  expect(run.requestsSent).toBe(5);
});

test('a 429 is retried even for a write (refused before any processing), after the wait asked for', async () => {
  const { sent, send } = scripted({ c: [status(429), ok] });
  const started = performance.now();
  const run = await runProbes({ probes: [put('c')], judge, retrySignal, send, deadline: deadline(), budget: 8 });
  expect(sent).toEqual(['c', 'c']);
  expect(run.results.get('c')!.verdict).toEqual({ status: 200 });
  // 10 ms asked for, plus the 50 ms margin the runner adds.
  expect(performance.now() - started).toBeGreaterThanOrEqual(60);
});

test('a probe that is not essential is never retried', async () => {
  const { sent, send } = scripted({ optional: [status(503), ok] });
  const run = await runProbes({ probes: [get('optional', false)], judge, retrySignal, send, deadline: deadline(), budget: 8 });
  expect(sent).toEqual(['optional']);
  expect(run.results.get('optional')!.verdict).toEqual({ status: 503 });
});

test('a follow-up is sent in the next round, in place of a retry', async () => {
  const { sent, send } = scripted({ write: [status(403)] });
  const followUp = (probe: P, verdict: V) => (probe.id === 'write' && 'status' in verdict && verdict.status === 403 ? get('read') : undefined);
  const run = await runProbes({ probes: [put('write')], judge, retrySignal, followUp, send, deadline: deadline(), budget: 8 });
  expect(sent).toEqual(['write', 'read']);
  expect([...run.results.keys()]).toEqual(['write', 'read']);
});

test('no round that would go over the request budget: the run stops with what it knows', async () => {
  const { sent, send } = scripted({ a: [status(500)], b: [status(500)], c: [status(500)] });
  const run = await runProbes({ probes: [get('a'), get('b'), get('c')], judge, retrySignal, send, deadline: deadline(), budget: 5 });
  // A second round of 3 would make 6 requests.
  expect(sent).toHaveLength(3);
  expect(run.requestsSent).toBe(3);
  expect(run.results.get('a')!.verdict).toEqual({ status: 500 });
});

test('no round that cannot finish before the deadline: a long wait asked for ends the run at once', async () => {
  const longWait = (verdict: V): RetrySignal | null => ('status' in verdict && verdict.status === 429 ? { reason: 'rate-limited', waitMs: 60_000 } : null);
  const { sent, send } = scripted({ a: [status(429), ok] });
  const started = performance.now();
  const run = await runProbes({ probes: [get('a')], judge, retrySignal: longWait, send, deadline: deadline(5000), budget: 8 });
  expect(sent).toEqual(['a']);
  expect(run.results.get('a')!.verdict).toEqual({ status: 429 });
  expect(performance.now() - started).toBeLessThan(5000);
});

test('retries stop after three extra rounds, however much budget is left', async () => {
  const { sent, send } = scripted({ a: [status(500)] });
  await runProbes({ probes: [get('a')], judge, retrySignal, send, deadline: deadline(), budget: 100 });
  expect(sent.length).toBeLessThanOrEqual(4);
  expect(sent.length).toBeGreaterThan(1);
});
