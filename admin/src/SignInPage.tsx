import LockIcon from '@mui/icons-material/Lock';
import { Avatar, Box, Button, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { EmailField, FormError, PasswordField } from './account/SignInFields';

interface SignInPageProps {
  /** Signs in; rejects with the message to show. */
  signIn(email: string, password: string): Promise<void>;
  /** Called once, when the admin starts filling in the form: a chance to fetch what comes after signing in. */
  onStartTyping?(): void;
}

/**
 * The sign-in form. It uses Material UI only (no react-admin), so that the first visit
 * downloads this page and not the whole admin, which loads once the user signs in.
 */
export const SignInPage = ({ signIn, onStartTyping }: SignInPageProps) => {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [typed, setTyped] = useState(false);

  const startTyping = () => {
    if (typed) return;
    setTyped(true);
    onStartTyping?.();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'flex', alignItems: 'flex-start', justifyContent: 'center', bgcolor: 'background.default', px: 2 }}>
      <Card sx={{ width: '100%', maxWidth: 360, mt: { xs: 4, sm: '6em' } }}>
        <CardContent>
          <Stack sx={{ alignItems: 'center', mb: 2 }}>
            <Avatar sx={{ bgcolor: 'secondary.main', mb: 1 }}>
              <LockIcon />
            </Avatar>
            <Typography variant="h6" component="h1">
              storelink
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Sign in to manage your store connections
            </Typography>
          </Stack>
          <form onSubmit={submit} onInput={startTyping} noValidate={false}>
            <Stack spacing={2}>
              <FormError message={error} />
              <EmailField autoFocus value={email} onValue={setEmail} />
              <PasswordField name="password" value={password} onValue={setPassword} />
              <Button type="submit" variant="contained" disabled={busy} startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}>
                Sign in
              </Button>
            </Stack>
          </form>
        </CardContent>
      </Card>
    </Box>
  );
};
