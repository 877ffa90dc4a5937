import { gql, useMutation, type TypedDocumentNode } from '@apollo/client';
import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Title } from 'react-admin';
import { toStorelinkError } from '../errors';
import type { ChangePasswordMutation, ChangePasswordMutationVariables } from '../generated/graphql';
import { MIN_PASSWORD_LENGTH, PasswordField } from './SignInFields';

const CHANGE_PASSWORD: TypedDocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables> = gql`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { id }
  }
`;


/** Account > Change my password: the signed-in user's own password; the server ends their other sessions. */
export const ChangePasswordPage = () => {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [changePassword, { loading }] = useMutation(CHANGE_PASSWORD);
  const mismatch = repeat.length > 0 && repeat !== next;
  const tooShort = next.length > 0 && next.length < MIN_PASSWORD_LENGTH;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mismatch || tooShort) return;
    setOutcome(null);
    try {
      await changePassword({ variables: { currentPassword: current, newPassword: next } });
      setCurrent('');
      setNext('');
      setRepeat('');
      setOutcome({ ok: true, message: 'Your password is changed. Your other sessions (other browsers and devices) were signed out; this one goes on.' });
    } catch (error) {
      setOutcome({ ok: false, message: `Not changed: ${toStorelinkError(error).message}` });
    }
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 480 }}>
      <Title title="Change my password" />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            Change my password
          </Typography>
          <form onSubmit={submit} noValidate>
            <Stack spacing={1.5}>
              {outcome && (
                <Alert severity={outcome.ok ? 'success' : 'error'} role={outcome.ok ? 'status' : 'alert'} data-testid="password-outcome">
                  {outcome.message}
                </Alert>
              )}
              <PasswordField label="Current password" value={current} onValue={setCurrent} />
              <PasswordField label="New password" purpose="new" value={next} onValue={setNext} error={tooShort} helperText={`At least ${MIN_PASSWORD_LENGTH} characters.`} />
              <PasswordField
                label="New password again"
                purpose="new"
                value={repeat}
                onValue={setRepeat}
                error={mismatch}
                helperText={mismatch ? 'The two new passwords differ.' : ' '}
              />
              <Box>
                <Button type="submit" variant="contained" disabled={loading || !current || !next || next !== repeat || tooShort}>
                  Change password
                </Button>
              </Box>
            </Stack>
          </form>
        </CardContent>
      </Card>
    </Box>
  );
};
