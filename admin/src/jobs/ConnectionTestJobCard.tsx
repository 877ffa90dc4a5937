import NetworkCheckIcon from '@mui/icons-material/NetworkCheck';
import StopIcon from '@mui/icons-material/Stop';
import { gql, useMutation, useQuery, type TypedDocumentNode } from '@apollo/client';
import { Alert, Box, Button, Card, CardContent, Chip, LinearProgress, Link as MuiLink, List, ListItem, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { Confirm, useNotify } from 'react-admin';
import { Link } from 'react-router-dom';
import { toStorelinkError } from '../errors';
import { formatDateTime } from '../format';
import { PLATFORM_NAMES } from '../stores/labels';
import { storeListLink } from '../stores/storeListLink';
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
import type { Platform } from '../types';
import { coverageInWords, starterInWords, statusInWords, storeFilterOfJob } from './jobWords';

/**
 * "Test connections" on the dashboard: starts a bulk connection test (every store, or the
 * platform's the dashboard shows; a few at a time, within each store's API rate limit) and shows
 * the newest job: which stores it covers, who started it, a bar of the stores tested, how many
 * passed and failed, and which stores changed status. The job runs on the server, so this card
 * shows the same after a page reload, in another tab or for another admin; it polls while the
 * job runs.
 */

const JOB_FIELDS = gql`
  fragment ConnectionTestJobFields on ConnectionTestJob {
    id status scheduled startedBy total done ok failed running pending skipped changed progress error createdAt finishedAt
    filter { ids q platform apiVersion needsMigration connectionHealth }
  }
`;

const LATEST_JOB: TypedDocumentNode<LatestConnectionTestJobQuery, LatestConnectionTestJobQueryVariables> = gql`
  query LatestConnectionTestJob { connectionTestJobs(perPage: 1) { items { ...ConnectionTestJobFields } } }
  ${JOB_FIELDS}
`;

const START_JOB: TypedDocumentNode<TestAllConnectionsMutation, TestAllConnectionsMutationVariables> = gql`
  mutation TestAllConnections($filter: EcommerceStoreFilter) { testAllConnections(filter: $filter) { ...ConnectionTestJobFields } }
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

/** Still testing: running, or cancelled with tests under way that finish and are recorded. */
const isActive = (job: ConnectionTestJobFieldsFragment) => job.status === 'RUNNING' || job.running > 0;

export type ConnectionTestJob = ConnectionTestJobFieldsFragment;

const STATUS_LABELS: Record<ConnectionTestJob['status'], { label: string; color: 'info' | 'success' | 'default' | 'error' }> = {
  RUNNING: { label: 'Testing', color: 'info' },
  COMPLETED: { label: 'Finished', color: 'success' },
  CANCELLED: { label: 'Cancelled', color: 'default' },
  FAILED: { label: 'Stopped by an error', color: 'error' },
};

interface Props {
  /** The platform the dashboard shows: a new job tests its stores only; null: every store. */
  platform: Platform | null;
  /** How many stores a new job would test, when known. */
  storeCount: number | undefined;
  /** A job ended (finished, cancelled, or stopped): the stores' statuses changed. */
  onJobEnded(): void;
}

function startLabel(platform: Platform | null, storeCount: number | undefined): string {
  if (storeCount === undefined) return platform ? `Test the ${PLATFORM_NAMES[platform]} stores` : 'Test all stores';
  if (storeCount === 1) return platform ? `Test the ${PLATFORM_NAMES[platform]} store` : 'Test the store';
  return platform ? `Test the ${storeCount} ${PLATFORM_NAMES[platform]} stores` : `Test all ${storeCount} stores`;
}

export const ConnectionTestJobCard = ({ platform, storeCount, onJobEnded }: Props) => {
  const notify = useNotify();
  const latest = useQuery(LATEST_JOB);
  const job = latest.data ? (latest.data.connectionTestJobs.items[0] ?? null) : undefined;
  const running = job?.status === 'RUNNING';
  // A cancelled job's tests under way still finish: follow it until they have.
  const active = !!job && isActive(job);
  const [startJob] = useMutation(START_JOB);
  const [cancelJob] = useMutation(CANCEL_JOB);
  const [busy, setBusy] = useState(false);
  const [confirmingCancel, setConfirmingCancel] = useState(false);

  const { startPolling, stopPolling } = latest;
  useEffect(() => {
    if (!active) return undefined;
    startPolling(POLL_MS);
    return stopPolling;
  }, [active, startPolling, stopPolling]);

  useEffect(() => {
    if (latest.error) notify(toStorelinkError(latest.error).message, { type: 'error' });
  }, [latest.error, notify]);

  // A job that just ended (finished, cancelled, stopped), or whose last tests under way just finished, changed the
  // stores' statuses: the dashboard's counts are stale. A small job may have ended before the card saw it run.
  const previousJob = useRef(job);
  const jobEnded = useRef(onJobEnded);
  jobEnded.current = onJobEnded;
  useEffect(() => {
    const previous = previousJob.current;
    previousJob.current = job;
    if (previous === undefined || !job) return;
    const sameJob = previous !== null && previous.id === job.id;
    const ended = sameJob ? isActive(previous) && (job.status !== previous.status || !isActive(job)) : !isActive(job);
    if (ended) jobEnded.current();
  }, [job]);

  const showChangedStores = !!job && !active && job.changed > 0;
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
  const start = () => act(() => startJob({ variables: { filter: platform ? { platform } : null } }));
  const cancel = () => {
    setConfirmingCancel(false);
    return act(() => (job ? cancelJob({ variables: { id: job.id } }) : Promise.resolve()));
  };

  return (
    <Card sx={{ mb: 3 }} data-testid="connection-test-job" component="section" aria-labelledby="connection-test-job-title">
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 2, flexWrap: 'wrap' }}>
          <Box sx={{ flex: '1 1 260px' }}>
            <Typography variant="h6" component="h2" id="connection-test-job-title">
              Test connections
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Tests each store's saved credentials, a few at a time and within each store's API rate limit. Results go into each store's connection
              history.
            </Typography>
          </Box>
          {running ? (
            <Button variant="outlined" color="inherit" startIcon={<StopIcon />} onClick={() => setConfirmingCancel(true)} disabled={busy} data-testid="cancel-job">
              Cancel
            </Button>
          ) : (
            <Button variant="contained" startIcon={<NetworkCheckIcon />} onClick={start} disabled={busy || storeCount === 0} data-testid="start-job">
              {startLabel(platform, storeCount)}
            </Button>
          )}
        </Stack>
        {job && <JobProgress job={job} />}
        {changedStores && changedStores.total > 0 && (
          <Box sx={{ mt: 2 }}>
            <Typography variant="subtitle2" component="h3">
              Stores whose status changed
            </Typography>
            <List dense>
              {changedStores.items.map((item) => (
                <ListItem key={item.storeId} disablePadding>
                  <ListItemButton component={Link} to={`/EcommerceStore/${item.storeId}`}>
                    <ListItemText
                      primary={item.storeName}
                      secondary={`${statusInWords(item.previousStatus, 'not tested before')} → ${statusInWords(item.resultStatus, 'not tested')}`}
                    />
                  </ListItemButton>
                </ListItem>
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
      <Confirm
        isOpen={confirmingCancel}
        title="Cancel this connection test?"
        content="The stores not yet tested will be skipped. Tests under way finish and go into their stores' history."
        confirm="Cancel the test"
        cancel="Keep testing"
        onConfirm={cancel}
        onClose={() => setConfirmingCancel(false)}
      />
    </Card>
  );
};

/** The store list's filter for the stores of this job's scope whose last test failed. */
function failingStoresLink(job: ConnectionTestJob): string {
  return storeListLink({ ...storeFilterOfJob(job.filter), connectionHealth: 'FAILING' });
}

/** What a job covers, who started it, the bar and the counts. */
export const JobProgress = ({ job }: { job: ConnectionTestJob }) => {
  const status = STATUS_LABELS[job.status];
  const starter = starterInWords(job);
  const ended = job.status !== 'RUNNING';
  const notTestedBecause = job.status === 'CANCELLED' ? 'not tested: cancelled' : 'not tested: stopped by an error';
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="body1" data-testid="job-coverage">
        {coverageInWords(job.filter, job.total)}
      </Typography>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
        <Chip size="small" label={status.label} color={status.color} data-testid="job-status" />
        <Typography variant="body2" color="text.secondary" data-testid="job-started">
          Started {starter ? `by ${starter} ` : ''}on {formatDateTime(job.createdAt)}
          {job.finishedAt ? `, ended ${formatDateTime(job.finishedAt)}` : ''}
        </Typography>
      </Stack>
      <LinearProgress
        variant="determinate"
        value={Math.round(job.progress * 100)}
        aria-label="Stores tested"
        aria-valuetext={`${job.done} of ${job.total} tested`}
        sx={{ height: 8, borderRadius: 1 }}
        data-testid="job-progress"
      />
      <Stack direction="row" sx={{ columnGap: 3, rowGap: 0.5, mt: 1, flexWrap: 'wrap' }} data-testid="job-counts">
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
            <strong>{job.skipped}</strong> {notTestedBecause}
          </Typography>
        )}
        {job.changed > 0 && (
          <Typography variant="body2" color="warning.main">
            <strong>{job.changed}</strong> changed status
          </Typography>
        )}
      </Stack>
      {ended && job.failed > 0 && (
        // The list shows the stores of the job's scope as they stand now: a store re-tested since, or one
        // the job skipped, can differ from the job's own count, so the link says what it opens.
        <MuiLink component={Link} to={failingStoresLink(job)} variant="body2" color="error.main" data-testid="job-failing-link" sx={{ display: 'inline-block', mt: 0.5 }}>
          See which of its stores are failing now
        </MuiLink>
      )}
      {job.error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {job.error}
        </Alert>
      )}
    </Box>
  );
};
