import { useRecordContext } from 'react-admin';
import { ConfirmedActionButton } from '../common/ConfirmedActionButton';
import { graphqlClient } from '../graphqlClient';
import type { UserRecord } from './labels';
import { DISABLE_USER, ENABLE_USER } from './userOperations';

/**
 * Disables an active user or enables a disabled one, after a confirmation that says what
 * happens. A refusal by the server (your own account, the last administrator) stays on the page.
 */
export const UserAccessButton = ({ unavailable }: { unavailable: boolean }) => {
  const user = useRecordContext<UserRecord>();
  if (!user) return null;
  const disabling = !user.disabled;
  return (
    <ConfirmedActionButton
      label={disabling ? 'Disable user' : 'Enable user'}
      color={disabling ? 'warning' : 'primary'}
      disabled={unavailable}
      title={disabling ? `Disable ${user.email}?` : `Enable ${user.email}?`}
      content={
        disabling
          ? 'They are signed out at once and cannot sign in until an administrator enables them again. API keys keep working: revoke those under API keys.'
          : 'They can sign in again with their password.'
      }
      confirmColor={disabling ? 'warning' : 'primary'}
      refused={disabling ? 'Not disabled' : 'Not enabled'}
      refusalTestId="user-access-refused"
      run={async () => {
        await graphqlClient.mutate({ mutation: disabling ? DISABLE_USER : ENABLE_USER, variables: { id: user.id } });
        return disabling ? `${user.email} is disabled and was signed out everywhere.` : `${user.email} can sign in again.`;
      }}
    />
  );
};
