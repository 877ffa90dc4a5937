import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DisableUserMutation, DisableUserMutationVariables, EnableUserMutation, EnableUserMutationVariables } from '../generated/graphql';

/** The user operations no react-admin verb covers. */

export const DISABLE_USER: TypedDocumentNode<DisableUserMutation, DisableUserMutationVariables> = gql`
  mutation DisableUser($id: ID!) { disableUser(id: $id) { id disabled disabledAt } }
`;

export const ENABLE_USER: TypedDocumentNode<EnableUserMutation, EnableUserMutationVariables> = gql`
  mutation EnableUser($id: ID!) { enableUser(id: $id) { id disabled disabledAt } }
`;
