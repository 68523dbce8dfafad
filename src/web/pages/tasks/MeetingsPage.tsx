import { Button, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useMe } from '../../api/auth';
import { usePlatformOptions } from '../../api/platforms';
import { useDepartments } from '../../api/requests';
import { useMeetings, type Meeting } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/format';
import { MeetingFormModal } from './MeetingFormModal';
import { TaskFormModal } from './TaskFormModal';
import { ProperName, TypedText } from '../../components/ProperName';

/** 专题会议: the task force's meetings, their decisions, and each decision turned into a task in one step. */
export function MeetingsPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const manages = hasPermission(me, 'task:manage');
  const meetings = useMeetings();
  const departments = useDepartments();
  const platforms = usePlatformOptions();
  const [editing, setEditing] = useState<Meeting | 'new' | null>(null);
  const [decision, setDecision] = useState<{ id: number; text: string } | null>(null);
  const en = i18n.language.startsWith('en');
  const attendees = (m: Meeting) => [
    ...m.attendees.departmentIds.map((id) => {
      const d = departments.data?.find((x) => x.id === id);
      return d ? (en ? d.nameEn || d.nameZh : d.shortName || d.nameZh) : `#${id}`;
    }),
    ...m.attendees.platformIds.map((id) => platforms.data?.find((p) => p.id === id)?.name ?? `#${id}`),
    ...m.attendees.others,
  ];
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.meetings')}
        </Typography.Title>
        {manages && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('meetings.new')}
          </Button>
        )}
      </Flex>
      {meetings.error ? <ErrorAlert error={meetings.error} /> : null}
      {!meetings.isLoading && !meetings.data?.length && <Empty description={t('meetings.empty')} />}
      {(meetings.data ?? []).map((m) => (
        <Card
          key={m.id}
          size="small"
          data-testid={`meeting-${m.id}`}
          title={
            <Flex vertical style={{ whiteSpace: 'normal' }}>
              <TypedText text={m.title} />
              <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                {formatDate(m.heldOn)}
                {m.place ? (
                  <>
                    {' '}
                    · <TypedText text={m.place} />
                  </>
                ) : null}
                {m.host ? (
                  <>
                    {' '}
                    · {t('meetings.hostLabel')}
                    <ProperName name={m.host} />
                  </>
                ) : null}
              </Typography.Text>
            </Flex>
          }
          extra={
            <Space>
              <Link to={`/tasks?meetingId=${m.id}`}>{t('meetings.tasks', { n: m.taskCount })}</Link>
              {manages && <a onClick={() => setEditing(m)}>{t('common.edit')}</a>}
            </Space>
          }
        >
          <Flex vertical gap={8}>
            {attendees(m).length > 0 && (
              <Flex wrap gap={4} align="center">
                <Typography.Text type="secondary">{t('meetings.attendees')}：</Typography.Text>
                {attendees(m).map((a, i) => (
                  <Tag key={i}>
                    <ProperName name={a} />
                  </Tag>
                ))}
              </Flex>
            )}
            {m.summary && (
              <Typography.Paragraph style={{ margin: 0 }}>
                <TypedText text={m.summary} />
              </Typography.Paragraph>
            )}
            <List
              size="small"
              header={<Typography.Text strong>{t('meetings.decisions')}</Typography.Text>}
              dataSource={m.decisions}
              renderItem={(d) => (
                <List.Item
                  actions={[
                    d.taskIds.length ? (
                      <Link key="t" to={`/tasks?task=${d.taskIds[0]}`}>
                        {t('meetings.taskMade', { n: d.taskIds.length })}
                      </Link>
                    ) : manages ? (
                      <Button key="t" size="small" onClick={() => setDecision(d)}>
                        {t('meetings.toTask')}
                      </Button>
                    ) : null,
                  ]}
                >
                  {d.seq}. <TypedText text={d.text} />
                </List.Item>
              )}
            />
          </Flex>
        </Card>
      ))}
      {editing && (
        <MeetingFormModal meeting={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {decision && <TaskFormModal decision={decision} onClose={() => setDecision(null)} />}
    </Flex>
  );
}
