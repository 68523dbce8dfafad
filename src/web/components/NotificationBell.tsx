import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useUnreadCount } from '../api/notifications';

/** The header's bell: the number of unread notifications; opens the inbox. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unread = useUnreadCount().data?.unread ?? 0;
  const label = unread ? t('inbox.bellUnread', { count: unread }) : t('inbox.bell');
  return (
    <Badge count={unread} size="small" overflowCount={99} offset={[-4, 4]}>
      <Button
        type="text"
        icon={<BellOutlined style={{ fontSize: 18 }} />}
        aria-label={label}
        title={label}
        data-testid="notification-bell"
        onClick={() => navigate('/inbox')}
      />
    </Badge>
  );
}
