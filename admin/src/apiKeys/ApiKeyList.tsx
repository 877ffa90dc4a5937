import { useMediaQuery, type Theme } from '@mui/material';
import { DataTable, DateField, List, SearchInput, SimpleList } from 'react-admin';
import { RecordLink } from '../common/RecordLink';
import { roleLabel } from '../common/roles';
import { ApiKeyStatusChip } from './ApiKeyStatusChip';
import { apiKeyStatusLabel, shownPrefix, type ApiKeyRecord } from './labels';
import { LAST_USED_FORMAT, LastUsedField } from './LastUsedField';

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Search by name or key" />];

const lastUsedText = (apiKey: ApiKeyRecord) => (apiKey.lastUsedAt ? `last used ${new Date(apiKey.lastUsedAt).toLocaleString(undefined, LAST_USED_FORMAT)}` : 'never used');

/** Settings > API keys: the keys programs call storelink with, newest first. */
export const ApiKeyList = () => {
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  return (
    <List<ApiKeyRecord> title="API keys" exporter={false} filters={filters} sort={{ field: 'createdAt', order: 'DESC' }}>
      {phone ? (
        <SimpleList<ApiKeyRecord>
          primaryText={(apiKey) => apiKey.name}
          secondaryText={(apiKey) => `${shownPrefix(apiKey)} · ${roleLabel(apiKey.role)} · ${lastUsedText(apiKey)}`}
          tertiaryText={(apiKey) => apiKeyStatusLabel(apiKey)}
          linkType="show"
        />
      ) : (
        <DataTable<ApiKeyRecord> bulkActionButtons={false} rowClick="show">
          <DataTable.Col<ApiKeyRecord> source="name" label="Name" render={(apiKey) => <RecordLink resource="ApiKey" id={apiKey.id} type="show">{apiKey.name}</RecordLink>} />
          <DataTable.Col<ApiKeyRecord> source="prefix" label="Key" disableSort render={(apiKey) => <code>{shownPrefix(apiKey)}</code>} />
          <DataTable.Col<ApiKeyRecord> source="role" label="Role" render={(apiKey) => roleLabel(apiKey.role)} />
          <DataTable.Col<ApiKeyRecord> source="revoked" label="Status" render={(apiKey) => <ApiKeyStatusChip apiKey={apiKey} />} />
          <DataTable.Col<ApiKeyRecord> source="lastUsedAt" label="Last used" render={() => <LastUsedField />} />
          <DataTable.Col<ApiKeyRecord> source="createdAt" label="Created" render={() => <DateField source="createdAt" showTime />} />
        </DataTable>
      )}
    </List>
  );
};
