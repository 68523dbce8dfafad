import { Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Objection } from '../../api/evaluation';
import { formatDateTime } from '../../lib/format';
import { ObjectionStatusTag } from './EvaluationTags';

const TEXT = { fontSize: 14 } as const;
const WRAP = { ...TEXT, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/**
 * One enterprise's objections on a phone: a card each with its status, the reason in full and the
 * task force's reply (or that it is awaited), all at reading size.
 */
export function ObjectionCards({ objections, loading }: { objections: Objection[]; loading?: boolean }) {
  const { t } = useTranslation();
  if (loading) return <Spin />;
  if (objections.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluation.objections.empty')} />;
  return (
    <Flex vertical gap={12} data-testid="objection-cards">
      {objections.map((o) => (
        <Flex
          vertical
          gap={6}
          key={o.id}
          data-testid="objection-card"
          style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12 }}
        >
          <Flex justify="space-between" align="center" gap={8} wrap>
            <ObjectionStatusTag status={o.status} large />
            <Typography.Text type="secondary" style={TEXT}>
              {t('evaluation.objections.filedAt')} {formatDateTime(o.filedAt)}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary" style={TEXT}>
            {t('evaluation.objections.reason')}
          </Typography.Text>
          <Typography.Text style={WRAP}>{o.reason}</Typography.Text>
          <Typography.Text type="secondary" style={TEXT}>
            {t('evaluation.objections.decision')}
          </Typography.Text>
          {o.decisionReason ? (
            <Flex vertical gap={2} data-testid="objection-reply">
              <Typography.Text style={WRAP}>{o.decisionReason}</Typography.Text>
              <Typography.Text type="secondary" style={TEXT}>
                {formatDateTime(o.decidedAt)}
              </Typography.Text>
            </Flex>
          ) : (
            <Typography.Text type="secondary" style={TEXT} data-testid="objection-reply">
              {t('evaluation.objections.awaitingReply')}
            </Typography.Text>
          )}
        </Flex>
      ))}
    </Flex>
  );
}
