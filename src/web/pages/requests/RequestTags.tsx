import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestSummary } from '../../api/requests';
import { STATE_COLORS } from './requestLabels';

/** A request's state, and its overdue, escalation and chain-leader marks. */
export function RequestTags({ r }: { r: RequestSummary }) {
  const { t } = useTranslation();
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      <Tag color={STATE_COLORS[r.state]} style={{ marginInlineEnd: 0 }}>
        {t(`requests.state.${r.state}`)}
      </Tag>
      {r.overdue && (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t('requests.overdue')}
        </Tag>
      )}
      {r.escalationLevel > 0 && (
        <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
          {t(`requests.escalation.${r.escalationLevel}`)}
        </Tag>
      )}
      {r.chainLeader && (
        <Tag color="gold" style={{ marginInlineEnd: 0 }}>
          {t('requests.chainLeader')}
        </Tag>
      )}
    </span>
  );
}
