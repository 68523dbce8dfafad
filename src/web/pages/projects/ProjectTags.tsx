import { Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../api/projects';
import { useProjectUnits } from './projectFormat';

const STAGE_COLORS: Record<string, string> = {
  lead: 'default',
  negotiating: 'processing',
  signed: 'blue',
  land_supplied: 'cyan',
  construction: 'geekblue',
  completed: 'purple',
  production: 'green',
  full_production: 'success',
};

export function StageTag({ stage }: { stage: string }) {
  const { t } = useTranslation();
  return <Tag color={STAGE_COLORS[stage] ?? 'default'}>{t(`projects.stage.${stage}`)}</Tag>;
}

/** Stalled (停滞) or escalated (已升级) with the days over the rule's maximum. */
export function StallTag({ stall }: { stall: ProjectSummary['stall'] }) {
  const { t } = useTranslation();
  const u = useProjectUnits();
  if (stall.level === 0 || stall.maxDays === null) return null;
  return (
    <Tooltip title={t('projects.stall.tip', { days: u.days(stall.days), max: u.days(stall.maxDays) })}>
      <Tag color={stall.level === 2 ? 'red' : 'orange'} data-testid="project-stalled">
        {t(stall.level === 2 ? 'projects.stall.escalated' : 'projects.stall.stalled')}
      </Tag>
    </Tooltip>
  );
}

/** Where a project stands: its stage, its end, a change waiting for approval, a stall. */
export function ProjectTags({ p }: { p: ProjectSummary }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {p.status === 'active' ? <StageTag stage={p.stage} /> : <Tag>{t(`projects.status.${p.status}`)}</Tag>}
      {p.pendingStage && (
        <Tag color="gold">{t('projects.pendingTo', { stage: t(`projects.stage.${p.pendingStage}`) })}</Tag>
      )}
      <StallTag stall={p.stall} />
    </Flex>
  );
}
