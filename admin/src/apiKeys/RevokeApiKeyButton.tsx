import { useRecordContext } from 'react-admin';
import { ConfirmedActionButton } from '../common/ConfirmedActionButton';
import { graphqlClient } from '../graphqlClient';
import { REVOKE_API_KEY } from './apiKeyOperations';
import type { ApiKeyRecord } from './labels';

/** Revokes a key for good, after a confirmation that says so. */
export const RevokeApiKeyButton = () => {
  const apiKey = useRecordContext<ApiKeyRecord>();
  if (!apiKey || apiKey.revoked) return null;
  return (
    <ConfirmedActionButton
      label="Revoke key"
      color="error"
      title={`Revoke "${apiKey.name}"?`}
      content="Every program that uses this key is refused from the next request on. This cannot be undone: a program that still needs access gets a new key."
      confirmColor="warning"
      refused="Not revoked"
      run={async () => {
        await graphqlClient.mutate({ mutation: REVOKE_API_KEY, variables: { id: apiKey.id } });
        return `"${apiKey.name}" is revoked: programs using it are refused from now on.`;
      }}
    />
  );
};
