import { ApolloProvider } from '@apollo/client';
import { App } from './App';
import { graphqlClient } from './graphqlClient';

/** Everything after signing in, loaded as its own chunk (see main.tsx): react-admin, Apollo and the pages. */
export const AdminApp = () => (
  <ApolloProvider client={graphqlClient}>
    <App />
  </ApolloProvider>
);
