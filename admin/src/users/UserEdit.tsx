import { Alert, Box, Divider, Typography } from '@mui/material';
import { DateField, Edit, SaveButton, SelectInput, SimpleForm, Toolbar, useGetIdentity, useNotify, useRecordContext } from 'react-admin';
import { ROLE_CHOICES, ROLE_HELP, roleLabel } from '../common/roles';
import type { UserRecord } from './labels';
import { UserAccessButton } from './UserAccessButton';
import { UserStatusChip } from './UserStatusChip';

/** Whether the page shows the signed-in admin's own account, which they may neither demote nor disable. */
function useIsOwnAccount(): boolean {
  const user = useRecordContext<UserRecord>();
  const { identity } = useGetIdentity();
  return !!user && !!identity && String(identity.id) === user.id;
}

const Heading = () => {
  const user = useRecordContext<UserRecord>();
  if (!user) return null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
      <Typography variant="h6" component="h1" sx={{ wordBreak: 'break-all' }}>
        {user.email}
      </Typography>
      <UserStatusChip user={user} />
    </Box>
  );
};

const OwnAccountNote = () =>
  useIsOwnAccount() ? (
    <Alert severity="info" sx={{ mb: 2 }} data-testid="own-account">
      This is your own account: you cannot change its role or disable it. Another administrator can.
    </Alert>
  ) : null;

const RoleToolbar = () => (
  <Toolbar>
    <SaveButton label="Save role" />
  </Toolbar>
);

const RoleForm = () => {
  const own = useIsOwnAccount();
  return (
    <SimpleForm toolbar={own ? false : <RoleToolbar />} sx={{ maxWidth: 560 }}>
      <Heading />
      <OwnAccountNote />
      <SelectInput source="role" label="Role" choices={ROLE_CHOICES} disabled={own} helperText={ROLE_HELP} fullWidth />
    </SimpleForm>
  );
};

/** Sign-in: whether the user may sign in, and the button that changes it. */
const SignInSection = () => {
  const user = useRecordContext<UserRecord>();
  const own = useIsOwnAccount();
  if (!user) return null;
  return (
    <Box sx={{ px: 2, pb: 2, maxWidth: 560 }}>
      <Divider sx={{ mb: 2 }} />
      <Typography variant="subtitle1" component="h2" gutterBottom>
        Sign-in
      </Typography>
      <Typography variant="body2" gutterBottom data-testid="user-sign-in-status">
        {user.disabled ? (
          <>
            Disabled since <DateField source="disabledAt" showTime />: cannot sign in.
          </>
        ) : (
          <>Active: signs in with their email and password.</>
        )}
      </Typography>
      <UserAccessButton unavailable={own} />
    </Box>
  );
};

/** One user: their role, and whether they may sign in. */
export const UserEdit = () => {
  const notify = useNotify();
  return (
    <Edit<UserRecord>
      title="User"
      mutationMode="pessimistic"
      redirect={false}
      mutationOptions={{ onSuccess: (user) => notify(`Saved: ${user.email} is now ${roleLabel(user.role).toLowerCase()}.`, { type: 'success' }) }}
    >
      <RoleForm />
      <SignInSection />
    </Edit>
  );
};
