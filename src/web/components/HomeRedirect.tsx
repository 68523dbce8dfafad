import { Result } from 'antd';
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { homePath } from '../routes';
import { usePageTitle } from '../lib/usePageTitle';

/** "/" goes to the first area the user may see; a user with none gets a short notice. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  usePageTitle(t('home.title'));
  const target = me ? homePath(me) : '/';
  if (target !== '/') return <Navigate to={target} replace />;
  return <Result status="info" title={t('home.title')} subTitle={t('home.noAreas')} />;
}
