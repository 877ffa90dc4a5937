import { CredentialTextInput } from './CredentialTextInput';
import type { CredentialField } from './credentialsForm';
import { SecretInput } from './SecretInput';

/** The boxes an API version declares (credentialsForm.ts), each secret as a SecretInput that never shows the saved one. */
export const CredentialFields = ({ fields, savedLast4, readOnly }: { fields: CredentialField[]; savedLast4: string | null; readOnly: boolean }) => (
  <>
    {fields.map((field) =>
      field.apiField === 'apiPassword' ? (
        <SecretInput key={field.source} {...field} savedLast4={savedLast4} readOnly={readOnly} />
      ) : (
        <CredentialTextInput key={field.source} {...field} />
      ),
    )}
  </>
);
