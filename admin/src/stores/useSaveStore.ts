import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { StorelinkDataProvider } from '../dataProvider';
import { toStorelinkError } from '../errors';
import type { ConnectionTestResult, EcommerceStore } from '../types';
import { credentialsChanged, formFieldFor, toCredentialsInput, type StoreFormValues } from './credentialsForm';

/**
 * Saves the store page: the name through react-admin's update, the API access through
 * updateApiCredentials, verified first unless the admin unticked it. Returns the errors to show
 * beside fields (react-admin's Form puts them there), and remembers a refused save's test result.
 */
export function useSaveStore(store: EcommerceStore) {
  const dataProvider = useDataProvider<StorelinkDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [refusal, setRefusal] = useState<ConnectionTestResult | null>(null);

  const save = async (values: StoreFormValues): Promise<Partial<Record<keyof StoreFormValues, string>> | undefined> => {
    setRefusal(null);
    const changes: string[] = [];
    try {
      if (values.name !== store.name) {
        await dataProvider.update('EcommerceStore', { id: store.id, data: { id: store.id, name: values.name }, previousData: store });
        changes.push('name');
      }
      if (credentialsChanged(values, store)) {
        await dataProvider.updateApiCredentials(store.id, toCredentialsInput(values)!, { verify: values.verify });
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
        setRefusal(problem.result);
        notify('Not saved: the new credentials failed the connection test. The store keeps its current API access.', { type: 'error' });
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
