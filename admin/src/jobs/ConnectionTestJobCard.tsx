import NetworkCheckIcon from '@mui/icons-material/NetworkCheck';
import StopIcon from '@mui/icons-material/Stop';
import { gql } from '@apollo/client';
import { Alert, Box, Button, Card, CardContent, Chip, LinearProgress, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { Link } from 'react-router-dom';
import { toStorelinkError } from '../errors';
import { graphqlClient } from '../graphqlClient';

/**
 * "Test all connections" on the dashboard: starts a bulk connection test (every store, a few
 * at a time, within each store's API rate limit) and shows the newest job's progress: a bar,
 * how many stores passed and failed, and which stores changed status. The job runs on the
 * server, so this card shows the same after a page reload, in another tab or for another admin;
 * it polls while the job runs.
 */

const JOB_FIELDS = `id status scheduled total done ok failed running pending skipped changed progress error createdAt finishedAt`;
const LATEST_JOB = gql`query LatestConnectionTestJob { connectionTestJobs(perPage: 1) { items { ${JOB_FIELDS} } } }`;
const START_JOB = gql`mutation TestAllConnections { testAllConnections { ${JOB_FIELDS} } }`;
const CANCEL_JOB = gql`mutation CancelConnectionTestJob($id: ID!) { cancelConnectionTestJob(id: $id) { ${JOB_FIELDS} } }`;
const CHANGED_STORES = gql`
  query ChangedStores($id: ID!) {
    connectionTestJob(id: $id) { items(onlyChanged: true, perPage: 10) { total items { storeId storeName previousStatus resultStatus } } }
  }
`;

const POLL_MS = 1500;

export interface ConnectionTestJob {
  id: string;
  status: 'RUNNING' | 'COMPLETED' | 'CANCELLED' | 'FAILED';
  scheduled: boolean;
  total: number;
  done: number;
  ok: number;
  failed: number;
  running: number;
  pending: number;
  skipped: number;
  changed: number;
  progress: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

interface ChangedStore {
  storeId: string;
  storeName: string;
  previousStatus: string | null;
  resultStatus: string | null;
}

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
  const [job, setJob] = useState<ConnectionTestJob | null | undefined>(undefined);
  const [changedStores, setChangedStores] = useState<{ total: number; items: ChangedStore[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const { data } = await graphqlClient.query<{ connectionTestJobs: { items: ConnectionTestJob[] } }>({ query: LATEST_JOB });
      const latest = data.connectionTestJobs.items[0] ?? null;
      setJob((previous) => {
        // A job that just ended changed the stores' statuses: the dashboard's counts are stale.
        if (previous?.status === 'RUNNING' && latest && latest.id === previous.id && latest.status !== 'RUNNING') refresh();
        return latest;
      });
    } catch (error) {
      notify(toStorelinkError(error).message, { type: 'error' });
    }
  }, [notify, refresh]);

  useEffect(() => {
    void load();
  }, [load]);

  const running = job?.status === 'RUNNING';
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [running, load]);

  useEffect(() => {
    if (!job || job.status === 'RUNNING' || job.changed === 0) {
      setChangedStores(null);
      return;
    }
    graphqlClient
      .query<{ connectionTestJob: { items: { total: number; items: ChangedStore[] } } }>({ query: CHANGED_STORES, variables: { id: job.id } })
      .then(({ data }) => setChangedStores(data.connectionTestJob.items))
      .catch(() => setChangedStores(null));
  }, [job?.id, job?.status, job?.changed]);

  const start = async () => {
    setBusy(true);
    try {
      const { data } = await graphqlClient.mutate<{ testAllConnections: ConnectionTestJob }>({ mutation: START_JOB });
      setJob(data!.testAllConnections);
    } catch (error) {
      notify(toStorelinkError(error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    if (!job) return;
    setBusy(true);
    try {
      const { data } = await graphqlClient.mutate<{ cancelConnectionTestJob: ConnectionTestJob }>({ mutation: CANCEL_JOB, variables: { id: job.id } });
      setJob(data!.cancelConnectionTestJob);
    } catch (error) {
      notify(toStorelinkError(error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

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
