import { Alert, TextField } from '@mui/material';

/*
 * The boxes of every form about who a user is (sign in, sign in again, change my password), so
 * that each one types, autocompletes and announces the same way. Material UI only: the sign-in
 * page loads before the rest of the admin.
 */

/** The server's MIN_PASSWORD_LENGTH: said in the form before the server refuses a shorter one. */
export const MIN_PASSWORD_LENGTH = 12;

interface BoxProps {
  value: string;
  onValue(value: string): void;
  autoFocus?: boolean;
}

/** The email a user signs in with; browsers offer the saved username here. */
export const EmailField = ({ value, onValue, autoFocus }: BoxProps) => (
  <TextField label="Email" type="email" name="email" autoComplete="username" required autoFocus={autoFocus} value={value} onChange={(event) => onValue(event.target.value)} />
);

interface PasswordProps extends BoxProps {
  label?: string;
  name?: string;
  /** "current": browsers fill in the saved password; "new": they may suggest one. */
  purpose?: 'current' | 'new';
  error?: boolean;
  helperText?: string;
}

export const PasswordField = ({ label = 'Password', purpose = 'current', onValue, ...box }: PasswordProps) => (
  <TextField {...box} label={label} type="password" autoComplete={`${purpose}-password`} required onChange={(event) => onValue(event.target.value)} />
);

/** Why the last submit failed, announced to screen readers; nothing when it did not. */
export const FormError = ({ message }: { message: string | null }) =>
  message ? (
    <Alert severity="error" role="alert">
      {message}
    </Alert>
  ) : null;
