import { Alert, Button, Stack } from '@mui/material';
import { useState } from 'react';
import { Confirm, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { toStorelinkError } from '../errors';
import { graphqlClient } from '../graphqlClient';
import { REVOKE_API_KEY } from './apiKeyOperations';
import type { ApiKeyRecord } from './labels';

/** Revokes a key for good, after a confirmation that says so. */
export const RevokeApiKeyButton = () => {
  const apiKey = useRecordContext<ApiKeyRecord>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!apiKey || apiKey.revoked) return null;

  const revoke = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await graphqlClient.mutate({ mutation: REVOKE_API_KEY, variables: { id: apiKey.id } });
      notify(`"${apiKey.name}" is revoked: programs using it are refused from now on.`, { type: 'success' });
      refresh();
    } catch (error) {
      setRefusal(`Not revoked: ${toStorelinkError(error).message}`);
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Button variant="outlined" color="error" onClick={() => setOpen(true)} disabled={busy}>
        Revoke key
      </Button>
      {refusal && (
        <Alert severity="error" role="alert">
          {refusal}
        </Alert>
      )}
      <Confirm
        isOpen={open}
        loading={busy}
        title={`Revoke "${apiKey.name}"?`}
        content="Every program that uses this key is refused from the next request on. This cannot be undone: a program that still needs access gets a new key."
        confirm="Revoke key"
        confirmColor="warning"
        onConfirm={revoke}
        onClose={() => setOpen(false)}
      />
    </Stack>
  );
};
