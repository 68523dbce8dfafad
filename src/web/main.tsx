import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import './i18n';
import './styles.css';
import { ApiError, setAuthHandlers } from './api/client';
import { ME_KEY } from './api/auth';
import { App } from './App';
import { isNetworkFailure } from './lib/errorText';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors (4xx) will not go away by asking again; nor will a network failure while the
      // browser is offline (the user is told at once and retries when connected).
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) &&
        !(isNetworkFailure(error) && !navigator.onLine) &&
        count < 2,
      // Offline, a query fails with the network message instead of pausing on a spinner.
      networkMode: 'always',
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

setAuthHandlers({
  // Session gone: forget everything; the route guard then sends the user to /login.
  onUnauthorized: () => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
    queryClient.setQueryData(ME_KEY, null);
  },
  // The server wants a password change first: reload the session so the guard sees it.
  onPasswordChangeRequired: () => {
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
