import { Link as MuiLink, useMediaQuery, type Theme } from '@mui/material';
import { DataTable, DateField, List, SearchInput, SimpleList, useCreatePath } from 'react-admin';
import { Link } from 'react-router-dom';
import { roleLabel } from '../common/roles';
import { userStatusLabel, type UserRecord } from './labels';
import { UserStatusChip } from './UserStatusChip';

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="Search by email" />];

/** The email as a real link, so a keyboard reaches and opens each user (and a new tab works). */
const EmailLink = ({ user }: { user: UserRecord }) => {
  const createPath = useCreatePath();
  return (
    <MuiLink component={Link} to={createPath({ resource: 'User', type: 'edit', id: user.id })} onClick={(event) => event.stopPropagation()}>
      {user.email}
    </MuiLink>
  );
};

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
          <DataTable.Col<UserRecord> source="email" label="Email" render={(user) => <EmailLink user={user} />} />
          <DataTable.Col<UserRecord> source="role" label="Role" render={(user) => roleLabel(user.role)} />
          <DataTable.Col<UserRecord> source="disabled" label="Status" render={(user) => <UserStatusChip user={user} />} />
          <DataTable.Col<UserRecord> source="createdAt" label="Added" render={() => <DateField source="createdAt" showTime />} />
        </DataTable>
      )}
    </List>
  );
};
