import { required, TextInput } from 'react-admin';

interface Props {
  source: string;
  label: string;
  helperText: string;
  /** What to do when the box is left empty. */
  requiredMessage: string;
}

/** A credential that is not secret (an API path, a username, a site URL, a consumer key): required, never autofilled. */
export const CredentialTextInput = ({ source, label, helperText, requiredMessage }: Props) => (
  <TextInput source={source} label={label} helperText={helperText} validate={required(requiredMessage)} autoComplete="off" fullWidth />
);
