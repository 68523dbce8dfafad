import { App, Button, Popconfirm, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useMe } from '../../api/auth';
import { useRaiseFromProblem } from '../../api/requests';
import type { Visit } from '../../api/visits';
import { useErrorText } from '../../lib/errorText';

/** A visit's problems found: each one's category, and its request — or "转为诉求" to raise it in one step. */
export function VisitProblems({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const raise = useRaiseFromProblem();
  const errorText = useErrorText();
  const mayRaise = hasPermission(me, 'request:raise') && hasPermission(me, 'visit:write');
  if (!visit.problems.length) return <>—</>;
  return (
    <Space size={4} wrap>
      {visit.problems.map((p) => (
        <Space key={p.id} size={2}>
          <Tag title={p.text} data-user-text>
            {t(`visits.category.${p.category}`)}
          </Tag>
          {p.requestId ? (
            <Link to={`/requests/${p.requestId}`} data-testid="visit-problem-request">
              {t('visits.toRequest.raised')}
            </Link>
          ) : mayRaise ? (
            <Popconfirm
              title={t('visits.toRequest.confirm')}
              description={p.text}
              okText={t('visits.toRequest.action')}
              onConfirm={() =>
                raise.mutate(
                  { visitId: visit.id, problemId: p.id },
                  {
                    onSuccess: (r) => void message.success(t('visits.toRequest.done', { code: r.code })),
                    onError: (e) => void message.error(errorText(e)),
                  },
                )
              }
            >
              <Button size="small" type="link" loading={raise.isPending} data-testid="visit-problem-raise">
                {t('visits.toRequest.action')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ))}
    </Space>
  );
}
