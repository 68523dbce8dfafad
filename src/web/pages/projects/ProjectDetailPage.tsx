import { useState } from 'react';
import { Button, Card, Col, Flex, Result, Row, Typography } from 'antd';
import { EditOutlined, RiseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '../../api/auth';
import { useProject } from '../../api/projects';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { ProperName } from '../../components/ProperName';
import { usePageTitle } from '../../lib/usePageTitle';
import { ProjectCommitments, ProjectFacts } from './ProjectFacts';
import { ProjectTags } from './ProjectTags';
import { ProjectTimeline, StageSteps } from './ProjectTimeline';
import { StageChangeModal } from './StageModals';

/** One project: where it stands, its stages and approvals, what it is and what it committed to. */
export function ProjectDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { data: me } = useMe();
  const { data: p, error, isLoading, refetch } = useProject(id);
  const [submitting, setSubmitting] = useState(false);
  usePageTitle(p ? p.name : t('nav.projects'));
  if (isLoading) return <PageSpin />;
  if (error || !p)
    return error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : <Result status="404" />;
  const pending = p.changes.find((c) => c.status === 'pending');
  return (
    <Flex vertical gap={16} style={{ minWidth: 0 }}>
      <Link to="/projects">← {t('nav.projects')}</Link>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Typography.Title
            level={4}
            style={{ margin: 0, overflowWrap: 'anywhere' }}
            data-testid="project-title"
          >
            <ProperName name={p.name} />
          </Typography.Title>
          <Typography.Text type="secondary">{p.code}</Typography.Text>
        </Flex>
        <Flex gap={8} wrap align="center">
          <ProjectTags p={p} />
          {p.canSubmit && p.status === 'active' && !pending && (
            <Button
              type="primary"
              icon={<RiseOutlined />}
              onClick={() => setSubmitting(true)}
              data-testid="project-submit-change"
            >
              {t('projects.change.submit')}
            </Button>
          )}
          {p.canEdit && (
            <Button
              icon={<EditOutlined />}
              onClick={() => void navigate(`/projects/${p.id}/edit`)}
              data-testid="project-edit"
            >
              {t('common.edit')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Card size="small">
        <StageSteps p={p} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <ProjectFacts p={p} />
            <ProjectCommitments p={p} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('projects.section.timeline')}>
            <ProjectTimeline p={p} />
          </Card>
        </Col>
      </Row>
      {submitting && (
        <StageChangeModal
          project={p}
          approvesOwn={me?.role === 'task_force'}
          onClose={() => {
            setSubmitting(false);
            void refetch();
          }}
        />
      )}
    </Flex>
  );
}
