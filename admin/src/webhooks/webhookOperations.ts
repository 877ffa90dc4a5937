import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  CreateWebhookEndpointMutation,
  CreateWebhookEndpointMutationVariables,
  RedeliverWebhookMutation,
  RedeliverWebhookMutationVariables,
  RotateWebhookSecretMutation,
  RotateWebhookSecretMutationVariables,
  SendTestWebhookMutation,
  SendTestWebhookMutationVariables,
} from '../generated/graphql';

/** The webhook operations no react-admin verb covers (create returns the secret beside the endpoint). */

export const CREATE_WEBHOOK_ENDPOINT: TypedDocumentNode<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables> = gql`
  mutation CreateWebhookEndpoint($url: String!, $events: [WebhookEventType!]!, $description: String) {
    createWebhookEndpoint(url: $url, events: $events, description: $description) { secret endpoint { id secretLast4 } }
  }
`;

export const ROTATE_WEBHOOK_SECRET: TypedDocumentNode<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables> = gql`
  mutation RotateWebhookSecret($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { id secretLast4 } } }
`;

export const SEND_TEST_WEBHOOK: TypedDocumentNode<SendTestWebhookMutation, SendTestWebhookMutationVariables> = gql`
  mutation SendTestWebhook($id: ID!) { sendTestWebhook(id: $id) { id } }
`;

export const REDELIVER_WEBHOOK: TypedDocumentNode<RedeliverWebhookMutation, RedeliverWebhookMutationVariables> = gql`
  mutation RedeliverWebhook($deliveryId: ID!) { redeliverWebhook(deliveryId: $deliveryId) { id } }
`;
