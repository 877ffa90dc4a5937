import { useNotify, useRefresh } from 'react-admin';
// The data provider itself, not react-admin's useDataProvider: on a lost session that one signs
// out, leaves the page (and what was typed) and resolves with an empty answer, which a save must
// never take for a success.
import { dataProvider } from '../dataProvider';
import { useSignInAgain } from '../account/useSignInAgain';
import { toStorelinkError } from '../errors';
import type { EcommerceStore } from '../types';
import { credentialsChanged, formFieldFor, toCredentialsInput, type StoreFormValues } from './credentialsForm';
import { useShowLatestResult } from './LatestResult';
import { credentialsKey } from './useTypedCredentials';

/**
 * Saves the store page: the name through react-admin's update, the API access through
 * updateApiCredentials, verified first unless the admin unticked it. Returns the errors to show
 * beside fields (react-admin's Form puts them there), and remembers a refused save's test result.
 */
export function useSaveStore(store: EcommerceStore) {
  const notify = useNotify();
  const refresh = useRefresh();
  const show = useShowLatestResult();
  // After signing in again, what is still in the form is saved once more.
  const signInAgain = useSignInAgain<StoreFormValues>(async (values) => {
    const fieldErrors = await save(values);
    const first = fieldErrors && Object.values(fieldErrors)[0];
    if (first) notify(`Not saved: ${first}`, { type: 'error' });
  });

  const save = async (values: StoreFormValues): Promise<Partial<Record<keyof StoreFormValues, string>> | undefined> => {
    const changes: string[] = [];
    // Each write sends the version it read, so that a change someone made meanwhile is not overwritten.
    let version = store.version;
    try {
      if (values.name !== store.name) {
        const { data } = await dataProvider.update<EcommerceStore>('EcommerceStore', {
          id: store.id,
          data: { id: store.id, name: values.name, version },
          previousData: store,
        });
        if (!data?.version) throw new Error('storelink did not confirm the new name: reload the page to see whether it was saved.');
        version = data.version;
        changes.push('name');
      }
      if (credentialsChanged(values, store)) {
        const saved = await dataProvider.updateApiCredentials(store.id, toCredentialsInput(values)!, { verify: values.verify, version });
        if (!saved?.id) throw new Error('storelink did not confirm the new API access: reload the page to see whether it was saved.');
        changes.push('API access');
      }
      notify(
        changes.length === 0
          ? 'Nothing to save.'
          : changes.includes('API access') && values.verify
            ? 'Saved: the new API access passed the connection test.'
            : `Saved the ${changes.join(' and ')}.`,
        { type: changes.length === 0 ? 'info' : 'success' },
      );
      refresh();
      return undefined;
    } catch (error) {
      const problem = toStorelinkError(error);
      if (changes.length > 0) refresh();
      if (problem.code === 'UNAUTHENTICATED') {
        // Nothing after the refused write was sent; the form keeps every value for the retry.
        if (changes.length === 0) signInAgain.sessionEnded(values, 'Your session ended; nothing was saved');
        else
          signInAgain.sessionEnded(
            values,
            `Your session ended; the ${changes.includes('name') ? 'API access' : 'rest'} was not saved`,
            `The ${changes.join(' and ')} had been saved before; the rest was not.`,
          );
        return undefined;
      }
      if (problem.code === 'CONNECTION_TEST_FAILED' && problem.result) {
        show({ origin: 'refused', result: problem.result, credentials: credentialsKey(values) });
        // Said once, in the panel beside the fields (role="alert"), not again in a toast.
        return undefined;
      }
      if (problem.code === 'CONFLICT') {
        notify('Not saved: someone else changed this store while you were editing it. Reload the page to see their changes, then make yours again.', {
          type: 'error',
          autoHideDuration: 15000,
        });
        return undefined;
      }
      const field = formFieldFor(problem.field, values.apiVersion);
      if (problem.code === 'BAD_USER_INPUT' && field) return { [field]: problem.message };
      notify(problem.message, { type: 'error' });
      return undefined;
    }
  };

  return { save, sessionEndedDialog: signInAgain.dialog };
}
