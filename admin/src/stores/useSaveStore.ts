import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { StorelinkDataProvider } from '../dataProvider';
import { toStorelinkError } from '../errors';
import type { ConnectionTestResult, EcommerceStore } from '../types';
import { credentialsChanged, formFieldFor, toCredentialsInput, type StoreFormValues } from './credentialsForm';
import { credentialsKey } from './useTypedCredentials';

/**
 * Saves the store page: the name through react-admin's update, the API access through
 * updateApiCredentials, verified first unless the admin unticked it. Returns the errors to show
 * beside fields (react-admin's Form puts them there), and remembers a refused save's test result.
 */
export function useSaveStore(store: EcommerceStore) {
  const dataProvider = useDataProvider<StorelinkDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [refusal, setRefusal] = useState<{ result: ConnectionTestResult; credentials: string } | null>(null);

  const save = async (values: StoreFormValues): Promise<Partial<Record<keyof StoreFormValues, string>> | undefined> => {
    setRefusal(null);
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
        version = data.version;
        changes.push('name');
      }
      if (credentialsChanged(values, store)) {
        await dataProvider.updateApiCredentials(store.id, toCredentialsInput(values)!, { verify: values.verify, version });
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
      if (problem.code === 'CONNECTION_TEST_FAILED' && problem.result) {
        setRefusal({ result: problem.result, credentials: credentialsKey(values) });
        notify('Not saved: the new credentials failed the connection test. The store keeps its current API access.', { type: 'error' });
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

  return { save, refusal };
}
