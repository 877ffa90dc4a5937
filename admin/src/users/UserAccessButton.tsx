import { Alert, Button, Stack } from '@mui/material';
import { useState } from 'react';
import { Confirm, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { toStorelinkError } from '../errors';
import { graphqlClient } from '../graphqlClient';
import type { UserRecord } from './labels';
import { DISABLE_USER, ENABLE_USER } from './userOperations';

/**
 * Disables an active user or enables a disabled one, after a confirmation that says what
 * happens. A refusal by the server (your own account, the last administrator) stays on the page.
 */
export const UserAccessButton = ({ unavailable }: { unavailable: boolean }) => {
  const user = useRecordContext<UserRecord>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!user) return null;
  const disabling = !user.disabled;

  const confirm = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      if (disabling) await graphqlClient.mutate({ mutation: DISABLE_USER, variables: { id: user.id } });
      else await graphqlClient.mutate({ mutation: ENABLE_USER, variables: { id: user.id } });
      notify(disabling ? `${user.email} is disabled and was signed out everywhere.` : `${user.email} can sign in again.`, { type: 'success' });
      refresh();
    } catch (error) {
      setRefusal(`${disabling ? 'Not disabled' : 'Not enabled'}: ${toStorelinkError(error).message}`);
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Button variant="outlined" color={disabling ? 'warning' : 'primary'} onClick={() => setOpen(true)} disabled={unavailable || busy}>
        {disabling ? 'Disable user' : 'Enable user'}
      </Button>
      {refusal && (
        <Alert severity="error" role="alert" data-testid="user-access-refused">
          {refusal}
        </Alert>
      )}
      <Confirm
        isOpen={open}
        loading={busy}
        title={disabling ? `Disable ${user.email}?` : `Enable ${user.email}?`}
        content={
          disabling
            ? 'They are signed out at once and cannot sign in until an administrator enables them again. API keys keep working: revoke those under API keys.'
            : 'They can sign in again with their password.'
        }
        confirm={disabling ? 'Disable user' : 'Enable user'}
        confirmColor={disabling ? 'warning' : 'primary'}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </Stack>
  );
};
