import { App, Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { isNetworkFailure } from '../lib/errorText';

/**
 * Shown when rendering a route throws (a bug or a failed chunk load). A page that could not be
 * downloaded because the network is down says so, and its retry waits for a connection.
 */
export function RouteError() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const error = useRouteError();
  if (isNetworkFailure(error))
    return (
      <Result
        status="warning"
        title={t('errors.offlineTitle')}
        subTitle={t('errors.offlinePage')}
        data-testid="route-offline"
        extra={
          <Button
            type="primary"
            data-testid="route-offline-retry"
            onClick={() => {
              if (navigator.onLine) window.location.reload();
              else void message.warning(t('errors.stillOffline'));
            }}
          >
            {t('common.retry')}
          </Button>
        }
      />
    );
  return (
    <Result
      status="500"
      title={t('errors.crashTitle')}
      subTitle={t('errors.crash')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}
