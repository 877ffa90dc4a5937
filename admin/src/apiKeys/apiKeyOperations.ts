import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CreateApiKeyMutation, CreateApiKeyMutationVariables, RevokeApiKeyMutation, RevokeApiKeyMutationVariables } from '../generated/graphql';

/** The API key operations no react-admin verb covers (create returns the key beside its record, this once). */

export const CREATE_API_KEY: TypedDocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables> = gql`
  mutation CreateApiKey($name: String!, $role: UserRole!) { createApiKey(name: $name, role: $role) { key apiKey { id prefix } } }
`;

export const REVOKE_API_KEY: TypedDocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables> = gql`
  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revoked revokedAt } }
`;
