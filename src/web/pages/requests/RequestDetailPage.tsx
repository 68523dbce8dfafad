import { Card, Descriptions, Flex, List, Result, Timeline, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { attachmentUrl, useRequest, type RequestEvent } from '../../api/requests';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { formatDate, formatDateTime, formatInteger } from '../../lib/format';
import { RequestActions } from './RequestActions';
import { RequestTags } from './RequestTags';
import { assigneeOf, categoryName } from './requestLabels';

function EventText({ e }: { e: RequestEvent }) {
  const { t } = useTranslation();
  const d = e.detail as { assignee?: { name?: string }; level?: number; rating?: string; dueOn?: string };
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Typography.Text strong>
        {t(`requests.event.${e.step}`)}
        {e.fromState !== e.toState && ` → ${t(`requests.state.${e.toState}`)}`}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(e.at)} · {e.actorName === 'system:escalation' ? t('requests.system') : e.actorName}
      </Typography.Text>
      {d.assignee?.name && <Typography.Text>{t('requests.to', { name: d.assignee.name })}</Typography.Text>}
      {d.level ? <Typography.Text>{t(`requests.escalation.${d.level}`)}</Typography.Text> : null}
      {d.rating && <Typography.Text>{t(`requests.rating.${d.rating}`)}</Typography.Text>}
      {d.dueOn && e.step !== 'create' && (
        <Typography.Text>{t('requests.newDue', { date: formatDate(d.dueOn) })}</Typography.Text>
      )}
      {e.note && (
        <Typography.Paragraph style={{ margin: 0, overflowWrap: 'anywhere' }}>{e.note}</Typography.Paragraph>
      )}
    </Flex>
  );
}

/** One request: what was asked, where it stands, its timeline, and the steps the caller may take. */
export function RequestDetailPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const { data: r, error, isLoading, refetch } = useRequest(id);
  if (isLoading) return <PageSpin />;
  if (error || !r)
    return error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : <Result status="404" />;
  const lang = i18n.language;
  return (
    <Flex vertical gap={16} style={{ minWidth: 0 }}>
      <Link to="/requests">← {t('nav.requests')}</Link>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0, overflowWrap: 'anywhere' }}>
            {r.title}
          </Typography.Title>
          <Typography.Text type="secondary">{r.code}</Typography.Text>
        </Flex>
        <RequestTags r={r} />
      </Flex>
      <RequestActions request={r} />
      <Card size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('requests.col.enterprise')}>{r.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('requests.col.category')}>{categoryName(r, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('requests.urgency.label')}>
            {t(`requests.urgency.${r.urgency}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('requests.complexity.label')}>
            {t(`requests.complexity.${r.complexity}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('requests.col.received')}>{formatDate(r.receivedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('requests.col.due')}>{formatDate(r.dueOn)}</Descriptions.Item>
          <Descriptions.Item label={t('requests.col.closed')}>{formatDate(r.closedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('requests.col.assignee')}>{assigneeOf(r, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('requests.raisedBy')}>
            {r.raisedByName} · {t(`requests.channel.${r.channel}`)}
          </Descriptions.Item>
          {r.rating && (
            <Descriptions.Item label={t('requests.rating.label')}>
              {t(`requests.rating.${r.rating}`)}
              {r.ratingComment ? `（${r.ratingComment}）` : ''}
            </Descriptions.Item>
          )}
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {r.description}
        </Typography.Paragraph>
        {r.answer && (
          <Card size="small" type="inner" title={t('requests.answer')}>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {r.answer}
            </Typography.Paragraph>
          </Card>
        )}
        {r.attachments.length > 0 && (
          <List
            size="small"
            header={t('requests.attachments')}
            dataSource={r.attachments}
            renderItem={(a) => (
              <List.Item>
                <a href={attachmentUrl(r.id, a.id)} style={{ overflowWrap: 'anywhere' }}>
                  <PaperClipOutlined /> {a.fileName}
                </a>
                <Typography.Text type="secondary">
                  {t('requests.kb', { value: formatInteger(Math.ceil(a.size / 1024)) })}
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t('requests.timeline')}>
        <Timeline
          data-testid="request-timeline"
          items={r.events.map((e) => ({
            key: e.id,
            color: e.step === 'escalate' ? 'red' : e.step === 'rate' || e.step === 'close' ? 'green' : 'blue',
            children: <EventText e={e} />,
          }))}
        />
      </Card>
    </Flex>
  );
}
