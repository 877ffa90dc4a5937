import { SecretShownOnce } from '../common/SecretShownOnce';

/** An endpoint's signing secret, the one time the server returns it (on creation and on rotation). */
export const WebhookSecretShownOnce = ({ secret, onDone }: { secret: string; onDone: () => void }) => (
  <SecretShownOnce secret={secret} noun="signing secret" copyLabel="Copy secret" testId="webhook-secret" onDone={onDone}>
    Your receiver checks each webhook&apos;s signature with it (see &quot;Verifying a webhook&quot; in the README).
  </SecretShownOnce>
);
