import { Typography } from '@mui/material';
import { DataTable, Pagination, ReferenceManyField, useRecordContext } from 'react-admin';
import { formatDateTimeSeconds, formatDuration } from '../format';
import type { RecordedConnectionTest } from '../types';
import { ConnectionStatusChip } from './ConnectionStatusChip';
import { ConnectionTestResultPanel } from './ConnectionTestResultPanel';
import { API_VERSION_NAMES } from './labels';

/** Every recorded "Test API connection" of the store, newest first; a row opens to the full result. */
export const ConnectionHistory = () => (
  <ReferenceManyField
    reference="ConnectionTest"
    target="storeId"
    perPage={10}
    pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
    empty={
      <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
        No connection test has been recorded yet. Tests of unsaved values (“Test before saving”) are not recorded.
      </Typography>
    }
  >
    <DataTable<RecordedConnectionTest> bulkActionButtons={false} rowClick="expand" expand={<TestDetails />} data-testid="connection-history">
      <DataTable.Col<RecordedConnectionTest> label="Tested" disableSort render={(test) => formatDateTimeSeconds(test.testedAt)} />
      <DataTable.Col<RecordedConnectionTest> label="Result" disableSort render={(test) => <ConnectionStatusChip result={test} />} />
      <DataTable.Col<RecordedConnectionTest> label="API Version" disableSort render={(test) => (test.apiVersion ? API_VERSION_NAMES[test.apiVersion] : '—')} />
      <DataTable.Col<RecordedConnectionTest> label="Message" disableSort render={(test) => test.message} />
      <DataTable.Col<RecordedConnectionTest> label="Took" disableSort render={(test) => formatDuration(test.durationMs)} />
    </DataTable>
  </ReferenceManyField>
);

const TestDetails = () => {
  const test = useRecordContext<RecordedConnectionTest>();
  return test ? <ConnectionTestResultPanel result={test} /> : null;
};
