import { randomBytes } from 'node:crypto';
import type { FakeBigCommerce } from '../fakes/bigcommerce';
import { FULL_SCOPES } from './bigcommerce-scopes';
import type { GraphQLClient } from './test-server';

/** Stores and bulk jobs made through the API, for suites about what happens to them (restarts, faults). */

export interface ConnectedStore {
  id: string;
  hash: string;
  token: string;
}

/**
 * A store created and given Store API credentials through the API, with a fresh store hash and
 * a fully scoped token that the fake knows: its connection test passes until the fake says otherwise.
 */
export async function createConnectedStore(fake: FakeBigCommerce, gql: GraphQLClient, name: string): Promise<ConnectedStore> {
  const hash = `s${randomBytes(5).toString('hex')}`;
  const token = randomBytes(16).toString('hex');
  fake.addStore({ hash, name });
  fake.addToken({ hash, token, scopes: FULL_SCOPES });
  const created = await gql(`mutation($n: String!) { createEcommerceStore(name: $n) { id } }`, { n: name });
  if (!created.data) throw new Error(`createEcommerceStore failed: ${JSON.stringify(created.errors)}`);
  const { id } = created.data.createEcommerceStore;
  const saved = await gql(`mutation($id: ID!, $c: ApiCredentialsInput!) { updateApiCredentials(id: $id, credentials: $c) { id } }`, {
    id,
    c: { apiVersion: 'STORE_API_OAUTH', apiLogin: hash, apiPassword: token },
  });
  if (!saved.data) throw new Error(`updateApiCredentials failed: ${JSON.stringify(saved.errors)}`);
  return { id, hash, token };
}

/** Polls a bulk job until it has stopped running and no test of it is under way; throws with its state after `timeoutMs`. */
export async function waitForJobToFinish(gql: GraphQLClient, id: string, timeoutMs: number): Promise<any> {
  const started = Date.now();
  for (;;) {
    const { data, errors } = await gql(`query($id: ID!) { connectionTestJob(id: $id) { id status total done ok failed running pending byStatus { status count } } }`, { id });
    if (!data) throw new Error(`connectionTestJob failed: ${JSON.stringify(errors)}`);
    const job = data.connectionTestJob;
    if (job.status !== 'RUNNING' && job.running === 0) return job;
    if (Date.now() - started > timeoutMs) throw new Error(`job ${id} did not finish within ${timeoutMs} ms: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
