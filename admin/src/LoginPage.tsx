import { useLogin } from 'react-admin';
import { SignInPage } from './SignInPage';

/** The sign-in page inside the admin (after signing out, or when a session ends): back to where the admin was. */
export const LoginPage = () => {
  const login = useLogin();
  return <SignInPage signIn={(email, password) => login({ email, password })} />;
};
