import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { CommissionerHistory } from './CommissionerHistory';

/** An enterprise's commissioners, current first. */
export function HistoryDrawer({
  enterprise,
  onClose,
}: {
  enterprise: { id: number; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={enterprise !== null}
      title={t('commissioners.history.title', { name: enterprise?.name ?? '' })}
      onClose={onClose}
      width={560}
    >
      {enterprise && <CommissionerHistory enterpriseId={enterprise.id} />}
    </Drawer>
  );
}
