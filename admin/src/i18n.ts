import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';

/** react-admin's English texts, with the names the merchant guide uses ("Settings > Ecommerce Stores"). */
const messages = {
  ...englishMessages,
  ra: {
    ...englishMessages.ra,
    auth: { ...englishMessages.ra.auth, username: 'Email' },
    // The label as it is: react-admin lower-cases its first letter, which makes "uRL" and "aPI Version".
    sort: { ...englishMessages.ra.sort, sort_by: 'Sort by %{field} %{order}' },
  },
  resources: {
    EcommerceStore: {
      name: 'Ecommerce Store |||| Ecommerce Stores',
      fields: {
        name: 'Name',
        apiVersion: 'API Version',
        lastConnectionTest: 'Connection',
        'lastConnectionTest.testedAt': 'Last tested',
        createdAt: 'Added',
        needsMigration: 'Needs migration',
        q: 'Search',
      },
    },
    User: { name: 'User |||| Users' },
    ApiKey: { name: 'API key |||| API keys' },
    ConnectionTest: {
      name: 'Connection test |||| Connection tests',
    },
  },
};

export const i18nProvider = polyglotI18nProvider(() => messages, 'en', [{ locale: 'en', name: 'English' }], { allowMissing: true });
