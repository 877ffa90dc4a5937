import NetworkCheckIcon from '@mui/icons-material/NetworkCheck';
import StopIcon from '@mui/icons-material/Stop';
import { gql, useMutation, useQuery, type TypedDocumentNode } from '@apollo/client';
import { Alert, Box, Button, Card, CardContent, Chip, LinearProgress, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { Link } from 'react-router-dom';
import { toStorelinkError } from '../errors';
import type {
  CancelConnectionTestJobMutation,
  CancelConnectionTestJobMutationVariables,
  ChangedStoresQuery,
  ChangedStoresQueryVariables,
  ConnectionTestJobFieldsFragment,
  LatestConnectionTestJobQuery,
  LatestConnectionTestJobQueryVariables,
  TestAllConnectionsMutation,
  TestAllConnectionsMutationVariables,
} from '../generated/graphql';

/**
 * "Test all connections" on the dashboard: starts a bulk connection test (every store, a few
 * at a time, within each store's API rate limit) and shows the newest job's progress: a bar,
 * how many stores passed and failed, and which stores changed status. The job runs on the
 * server, so this card shows the same after a page reload, in another tab or for another admin;
 * it polls while the job runs.
 */

const JOB_FIELDS = gql`
  fragment ConnectionTestJobFields on ConnectionTestJob {
    id status scheduled total done ok failed running pending skipped changed progress error createdAt finishedAt
  }
`;

const LATEST_JOB: TypedDocumentNode<LatestConnectionTestJobQuery, LatestConnectionTestJobQueryVariables> = gql`
  query LatestConnectionTestJob { connectionTestJobs(perPage: 1) { items { ...ConnectionTestJobFields } } }
  ${JOB_FIELDS}
`;

const START_JOB: TypedDocumentNode<TestAllConnectionsMutation, TestAllConnectionsMutationVariables> = gql`
  mutation TestAllConnections { testAllConnections { ...ConnectionTestJobFields } }
  ${JOB_FIELDS}
`;

const CANCEL_JOB: TypedDocumentNode<CancelConnectionTestJobMutation, CancelConnectionTestJobMutationVariables> = gql`
  mutation CancelConnectionTestJob($id: ID!) { cancelConnectionTestJob(id: $id) { ...ConnectionTestJobFields } }
  ${JOB_FIELDS}
`;

const CHANGED_STORES: TypedDocumentNode<ChangedStoresQuery, ChangedStoresQueryVariables> = gql`
  query ChangedStores($id: ID!) {
    connectionTestJob(id: $id) { items(onlyChanged: true, perPage: 10) { total items { storeId storeName previousStatus resultStatus } } }
  }
`;

const POLL_MS = 1500;

export type ConnectionTestJob = ConnectionTestJobFieldsFragment;

const STATUS_LABELS: Record<ConnectionTestJob['status'], { label: string; color: 'info' | 'success' | 'default' | 'error' }> = {
  RUNNING: { label: 'Running', color: 'info' },
  COMPLETED: { label: 'Completed', color: 'success' },
  CANCELLED: { label: 'Cancelled', color: 'default' },
  FAILED: { label: 'Failed', color: 'error' },
};

const when = (iso: string) => new Date(iso).toLocaleString();

export const ConnectionTestJobCard = () => {
  const notify = useNotify();
  const refresh = useRefresh();
  const latest = useQuery(LATEST_JOB);
  const job = latest.data ? (latest.data.connectionTestJobs.items[0] ?? null) : undefined;
  const running = job?.status === 'RUNNING';
  const [startJob] = useMutation(START_JOB);
  const [cancelJob] = useMutation(CANCEL_JOB);
  const [busy, setBusy] = useState(false);

  const { startPolling, stopPolling } = latest;
  useEffect(() => {
    if (!running) return undefined;
    startPolling(POLL_MS);
    return stopPolling;
  }, [running, startPolling, stopPolling]);

  useEffect(() => {
    if (latest.error) notify(toStorelinkError(latest.error).message, { type: 'error' });
  }, [latest.error, notify]);

  // A job that just ended changed the stores' statuses: the dashboard's counts are stale.
  const previousJob = useRef(job);
  useEffect(() => {
    const previous = previousJob.current;
    if (previous?.status === 'RUNNING' && job && job.id === previous.id && job.status !== 'RUNNING') refresh();
    previousJob.current = job;
  }, [job, refresh]);

  const showChangedStores = !!job && job.status !== 'RUNNING' && job.changed > 0;
  const changed = useQuery(CHANGED_STORES, { variables: { id: job?.id ?? '' }, skip: !showChangedStores });
  const changedStores = showChangedStores ? (changed.data?.connectionTestJob?.items ?? null) : null;

  /** Runs a start or cancel, then shows the newest job as the server has it now. */
  const act = async (mutation: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await mutation();
      // Whether this fails is reported by the query itself.
      await latest.refetch().catch(() => undefined);
    } catch (error) {
      notify(toStorelinkError(error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const start = () => act(() => startJob());
  const cancel = () => act(() => (job ? cancelJob({ variables: { id: job.id } }) : Promise.resolve()));

  return (
    <Card sx={{ mb: 3 }} data-testid="connection-test-job">
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap' }}>
          <Box>
            <Typography variant="h6">Test all connections</Typography>
            <Typography variant="body2" color="text.secondary">
              Tests every store's saved credentials, a few at a time and within each store's BigCommerce rate limit. Results go into
              each store's connection history.
            </Typography>
          </Box>
          {running ? (
            <Button variant="outlined" color="inherit" startIcon={<StopIcon />} onClick={cancel} disabled={busy} data-testid="cancel-job">
              Cancel
            </Button>
          ) : (
            <Button variant="contained" startIcon={<NetworkCheckIcon />} onClick={start} disabled={busy} data-testid="start-job">
              Test all connections
            </Button>
          )}
        </Stack>
        {job && <JobProgress job={job} />}
        {changedStores && changedStores.total > 0 && (
          <Box sx={{ mt: 2 }}>
            <Typography variant="subtitle2">Stores whose status changed</Typography>
            <List dense>
              {changedStores.items.map((item) => (
                <ListItemButton key={item.storeId} component={Link} to={`/EcommerceStore/${item.storeId}`}>
                  <ListItemText primary={item.storeName} secondary={`${item.previousStatus ?? 'untested'} → ${item.resultStatus ?? 'not tested'}`} />
                </ListItemButton>
              ))}
            </List>
            {changedStores.total > changedStores.items.length && (
              <Typography variant="body2" color="text.secondary">
                and {changedStores.total - changedStores.items.length} more.
              </Typography>
            )}
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

/** The bar and the counts of one job. */
export const JobProgress = ({ job }: { job: ConnectionTestJob }) => {
  const status = STATUS_LABELS[job.status];
  return (
    <Box sx={{ mt: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
        <Chip size="small" label={status.label} color={status.color} data-testid="job-status" />
        <Typography variant="body2" color="text.secondary">
          {job.scheduled ? 'Scheduled re-test' : 'Started'} {when(job.createdAt)}
          {job.finishedAt ? `, ended ${when(job.finishedAt)}` : ''}
        </Typography>
      </Stack>
      <LinearProgress
        variant="determinate"
        value={Math.round(job.progress * 100)}
        aria-label="Connection tests done"
        sx={{ height: 8, borderRadius: 1 }}
        data-testid="job-progress"
      />
      <Stack direction="row" sx={{ gap: 3, mt: 1, flexWrap: 'wrap' }} data-testid="job-counts">
        <Typography variant="body2">
          <strong>{job.done}</strong> of {job.total} tested
        </Typography>
        <Typography variant="body2" color="success.main">
          <strong>{job.ok}</strong> OK
        </Typography>
        <Typography variant="body2" color="error.main">
          <strong>{job.failed}</strong> failing
        </Typography>
        {job.running > 0 && (
          <Typography variant="body2">
            <strong>{job.running}</strong> testing now
          </Typography>
        )}
        {job.skipped > 0 && (
          <Typography variant="body2" color="text.secondary">
            <strong>{job.skipped}</strong> skipped
          </Typography>
        )}
        {job.changed > 0 && (
          <Typography variant="body2" color="warning.main">
            <strong>{job.changed}</strong> changed status
          </Typography>
        )}
      </Stack>
      {job.error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {job.error}
        </Alert>
      )}
    </Box>
  );
};
