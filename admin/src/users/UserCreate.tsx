import { Card } from '@mui/material';
import { PasswordInput, SaveButton, SelectInput, SimpleForm, TextInput, Title, Toolbar, email, minLength, required, useNotify, useRedirect } from 'react-admin';
import { MIN_PASSWORD_LENGTH } from '../account/SignInFields';
import { useSignInAgain } from '../account/useSignInAgain';
import { submitOrFieldError } from '../common/submitOrFieldError';
import { ROLE_CHOICES, ROLE_HELP, roleLabel } from '../common/roles';
// The data provider itself, not react-admin's create: on a lost session that one signs out and
// leaves the page with what was typed; this keeps the form and offers to sign in again.
import { dataProvider } from '../dataProvider';
import type { UserRecord } from './labels';

interface CreateValues {
  email: string;
  password: string;
  role: UserRecord['role'];
}

const CreateToolbar = () => (
  <Toolbar>
    <SaveButton label="Add user" alwaysEnable />
  </Toolbar>
);

/** A colleague who signs in with an email and a first password (they change it under "Change my password"). */
export const UserCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const signInAgain = useSignInAgain<CreateValues>((values) => save(values));
  const save = (values: CreateValues) =>
    submitOrFieldError(
      async () => {
        const { data: user } = await dataProvider.create<UserRecord>('User', { data: values });
        notify(`${user.email} can sign in now, as ${roleLabel(user.role).toLowerCase()}.`, { type: 'success' });
        redirect('list', 'User');
      },
      notify,
      () => signInAgain.sessionEnded(values, 'Your session ended; the user was not added'),
    );
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Add a user" />
      <SimpleForm
        onSubmit={(values: Record<string, unknown>) => save(values as unknown as CreateValues)}
        defaultValues={{ role: 'VIEWER' }}
        toolbar={<CreateToolbar />}
        sx={{ maxWidth: 560 }}
      >
        <TextInput source="email" label="Email" type="email" autoComplete="off" validate={[required(), email('Enter a valid email address.')]} fullWidth />
        <PasswordInput
          source="password"
          label="First password"
          autoComplete="new-password"
          validate={[required(), minLength(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters.`)]}
          helperText={`At least ${MIN_PASSWORD_LENGTH} characters. Give it to them in person or over a channel you trust; they can change it under "Change my password".`}
          fullWidth
        />
        <SelectInput source="role" label="Role" choices={ROLE_CHOICES} validate={required()} helperText={ROLE_HELP} fullWidth />
        {signInAgain.dialog}
      </SimpleForm>
    </Card>
  );
};
