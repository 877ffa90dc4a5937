import type { useNotify } from 'react-admin';
import { toStorelinkError } from '../errors';

/**
 * A form's onSubmit for an operation no react-admin verb covers: a refusal by the server is
 * notified, and shown beside the field it names (react-admin's Form takes the returned errors).
 */
export async function submitOrFieldError(run: () => Promise<void>, notify: ReturnType<typeof useNotify>): Promise<Record<string, string> | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    const failure = toStorelinkError(error);
    notify(failure.message, { type: 'error' });
    return failure.field ? { [failure.field]: failure.message } : undefined;
  }
}
