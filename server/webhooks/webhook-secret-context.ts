/** The AAD of an endpoint's encrypted secrets: a ciphertext copied to another row does not decrypt there. */
export const webhookSecretContext = (id: string): string => `webhook_endpoints.secret:${id}`;
