import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export function DemoTag() {
  const { t } = useTranslation();
  return <Tag color="orange">{t('platform.demoTag')}</Tag>;
}
