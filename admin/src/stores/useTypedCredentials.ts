import { useWatch } from 'react-hook-form';
import { toCredentialsInput, type StoreFormValues } from './credentialsForm';

/**
 * The credentials as currently typed, as a comparable string. A test result or a refused save
 * is about the credentials it tested: once the admin types something else, it no longer
 * describes what is on the screen and should not be shown as if it did.
 */
export function useTypedCredentials(): string {
  const values = useWatch<StoreFormValues>() as StoreFormValues;
  return credentialsKey(values);
}

export function credentialsKey(values: StoreFormValues): string {
  return JSON.stringify(toCredentialsInput(values));
}
