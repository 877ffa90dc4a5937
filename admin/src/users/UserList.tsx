import { useMediaQuery, type Theme } from '@mui/material';
import { DataTable, DateField, List, SearchInput, SimpleList } from 'react-admin';
import { RecordLink } from '../common/RecordLink';
import { roleLabel } from '../common/roles';
import { userStatusLabel, type UserRecord } from './labels';
import { UserStatusChip } from './UserStatusChip';

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Search by email" />];

/** Settings > Users: who signs in, with which role, and whether they still may. */
export const UserList = () => {
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  return (
    <List<UserRecord> title="Users" exporter={false} filters={filters} sort={{ field: 'email', order: 'ASC' }}>
      {phone ? (
        <SimpleList<UserRecord>
          primaryText={(user) => user.email}
          secondaryText={(user) => roleLabel(user.role)}
          tertiaryText={(user) => userStatusLabel(user)}
          linkType="edit"
        />
      ) : (
        <DataTable<UserRecord> bulkActionButtons={false} rowClick="edit">
          <DataTable.Col<UserRecord> source="email" label="Email" render={(user) => <RecordLink resource="User" id={user.id} type="edit">{user.email}</RecordLink>} />
          <DataTable.Col<UserRecord> source="role" label="Role" render={(user) => roleLabel(user.role)} />
          <DataTable.Col<UserRecord> source="disabled" label="Status" render={(user) => <UserStatusChip user={user} />} />
          <DataTable.Col<UserRecord> source="createdAt" label="Added" render={() => <DateField source="createdAt" showTime />} />
        </DataTable>
      )}
    </List>
  );
};
