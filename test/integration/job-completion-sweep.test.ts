import { ConnectionTestJob, ConnectionTestJobStatus } from '../../server/jobs/connection-test-job.entity';
import { createConnectedStore, waitForJobToFinish } from '../support/bigcommerce-stores';
import { useAdminServer, useFakeBigCommerce } from '../support/hooks';

/**
 * A job is completed by whoever finishes its last item. If the server dies between recording
 * that item and completing the job, nothing is left running or expired for a restart to
 * recover: the runner's periodic sweep must still complete the job, or it says RUNNING forever.
 */

const fake = useFakeBigCommerce();
const admin = useAdminServer(() => ({ BIGCOMMERCE_API_URL: fake.url, OUTBOUND_ALLOW_PRIVATE: 'true' }));

test('a job whose every store was tested, but which was never marked completed (a crash in between), is completed by the runner', async () => {
  await createConnectedStore(fake, admin.gql, 'Swept store');
  const started = await admin.gql('mutation { testAllConnections { id } }');
  const { id } = started.data.testAllConnections;
  expect((await waitForJobToFinish(admin.gql, id, 30_000)).status).toBe('COMPLETED');

  // What the database holds after a kill -9 between the last item's result and the job's completion.
  await admin.server.dataSource.getRepository(ConnectionTestJob).update({ id }, { status: ConnectionTestJobStatus.RUNNING, finishedAt: null });
  const stuck = (await admin.gql('query($id: ID!) { connectionTestJob(id: $id) { status done total } }', { id })).data.connectionTestJob;
  expect(stuck).toEqual({ status: 'RUNNING', done: 1, total: 1 });

  const swept = await waitForJobToFinish(admin.gql, id, 20_000);
  expect(swept).toMatchObject({ status: 'COMPLETED', done: 1, total: 1 });
});
