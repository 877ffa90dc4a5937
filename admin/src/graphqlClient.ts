import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { session } from './session';

/**
 * One Apollo client for the whole UI. The session token is read on every request (not when the
 * client is built), so signing in or out takes effect at once without rebuilding anything.
 */
const withSession = new ApolloLink((operation, forward) => {
  const token = session.token();
  if (token) {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, authorization: `Bearer ${token}` },
    }));
  }
  return forward(operation);
});

export const graphqlClient = new ApolloClient({
  link: ApolloLink.from([withSession, new HttpLink({ uri: '/graphql' })]),
  cache: new InMemoryCache(),
  // Every screen shows what the server says now: connection states change outside this tab.
  defaultOptions: {
    query: { fetchPolicy: 'no-cache' },
    watchQuery: { fetchPolicy: 'no-cache' },
    mutate: { fetchPolicy: 'no-cache' },
  },
});
