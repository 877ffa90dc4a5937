import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { EmailField, FormError, PasswordField } from './SignInFields';

interface Props {
  open: boolean;
  title: string;
  /** What was and was not saved, in one sentence. */
  summary: string;
  email: string;
  /** Signs in again and saves what the form holds; rejects with the message to show. */
  onSignInAndSave(email: string, password: string): Promise<void>;
  onCancel(): void;
}

/**
 * Shown when a save found the session ended: the form stays as it was (nothing typed is lost),
 * and signing in here retries the save.
 */
export const SignInAgainDialog = ({ open, title, summary, email: knownEmail, onSignInAndSave, onCancel }: Props) => {
  const [email, setEmail] = useState(knownEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation(); // not the form around it
    setBusy(true);
    setError(null);
    try {
      await onSignInAndSave(email, password);
      setPassword('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="session-ended-title" data-testid="session-ended">
      <form onSubmit={submit}>
        <DialogTitle id="session-ended-title">{title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{summary} What you typed is still in the form: sign in again to save it.</DialogContentText>
          <Stack spacing={1}>
            <FormError message={error} />
            <EmailField value={email} onValue={setEmail} />
            <PasswordField autoFocus value={password} onValue={setPassword} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            Sign in and save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
