import { Alert, Button, Stack, type ButtonProps } from '@mui/material';
import { useState } from 'react';
import { Confirm, useNotify, useRefresh, type ConfirmProps } from 'react-admin';
import { toStorelinkError } from '../errors';

interface Props {
  label: string;
  color: ButtonProps['color'];
  disabled?: boolean;
  /** The confirmation: what happens, in words, before anything is sent. */
  title: string;
  content: string;
  confirmColor: ConfirmProps['confirmColor'];
  /** Sends the change; resolves to the notice that says it was made. */
  run(): Promise<string>;
  /** Leads the server's refusal, which stays on the page: "Not revoked", "Not disabled". */
  refused: string;
  refusalTestId?: string;
}

/**
 * A button for a change that cannot be taken back lightly (revoke a key, disable a user): it
 * asks first, then sends it, says it was made, and refreshes the page's record.
 */
export const ConfirmedActionButton = ({ label, color, disabled = false, title, content, confirmColor, run, refused, refusalTestId }: Props) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      notify(await run(), { type: 'success' });
      refresh();
    } catch (error) {
      setRefusal(`${refused}: ${toStorelinkError(error).message}`);
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Button variant="outlined" color={color} onClick={() => setOpen(true)} disabled={disabled || busy}>
        {label}
      </Button>
      {refusal && (
        <Alert severity="error" role="alert" data-testid={refusalTestId}>
          {refusal}
        </Alert>
      )}
      <Confirm isOpen={open} loading={busy} title={title} content={content} confirm={label} confirmColor={confirmColor} onConfirm={confirm} onClose={() => setOpen(false)} />
    </Stack>
  );
};
