import { Create, PasswordInput, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, email, minLength, required, useNotify, useRedirect } from 'react-admin';
import { ROLE_CHOICES, ROLE_HELP, roleLabel } from '../common/roles';
import { MIN_PASSWORD_LENGTH } from '../account/SignInFields';
import type { UserRecord } from './labels';


const CreateToolbar = () => (
  <Toolbar>
    <SaveButton label="Add user" alwaysEnable />
  </Toolbar>
);

/** A colleague who signs in with an email and a first password (they change it under "Change my password"). */
export const UserCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Create<UserRecord>
      title="Add a user"
      mutationOptions={{
        onSuccess: (user) => {
          notify(`${user.email} can sign in now, as ${roleLabel(user.role).toLowerCase()}.`, { type: 'success' });
          redirect('list', 'User');
        },
      }}
    >
      <SimpleForm defaultValues={{ role: 'VIEWER' }} toolbar={<CreateToolbar />} sx={{ maxWidth: 560 }}>
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
      </SimpleForm>
    </Create>
  );
};
