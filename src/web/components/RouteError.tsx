import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown when rendering a route throws (a bug or a failed chunk load). */
export function RouteError() {
  const { t } = useTranslation();
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
