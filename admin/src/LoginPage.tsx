import { Typography } from '@mui/material';
import { email, Login, LoginForm, PasswordInput, required, TextInput } from 'react-admin';

/** Sign-in with the email and password of a storelink user. */
export const LoginPage = () => (
  <Login>
    <Typography variant="h6" align="center" sx={{ mt: 2 }}>
      storelink
    </Typography>
    <Typography variant="body2" align="center" color="text.secondary">
      Sign in to manage your store connections
    </Typography>
    <LoginForm>
      <TextInput autoFocus source="email" label="Email" type="email" autoComplete="username" validate={[required(), email()]} />
      <PasswordInput source="password" label="Password" autoComplete="current-password" validate={required()} />
    </LoginForm>
  </Login>
);
