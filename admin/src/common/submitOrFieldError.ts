import type { useNotify } from 'react-admin';
import { toStorelinkError } from '../errors';

/**
 * A form's onSubmit for an operation no react-admin verb covers: a refusal by the server is
 * notified, and shown beside the field it names (react-admin's Form takes the returned errors).
 * With `onSessionEnded`, a refusal because the session ended goes there instead (see useSignInAgain).
 */
export async function submitOrFieldError(
  run: () => Promise<void>,
  notify: ReturnType<typeof useNotify>,
  onSessionEnded?: () => void,
): Promise<Record<string, string> | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    const failure = toStorelinkError(error);
    if (failure.code === 'UNAUTHENTICATED' && onSessionEnded) {
      onSessionEnded();
      return undefined;
    }
    notify(failure.message, { type: 'error' });
    return failure.field ? { [failure.field]: failure.message } : undefined;
  }
}
