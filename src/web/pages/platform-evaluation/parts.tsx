import { Tag, Tooltip, Typography } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MethodClass } from '../../api/evaluation';
import { useLang } from '../../lib/useLang';
import type { Dimension } from '../../../modules/evaluation/core/indicators';
import { classTagColor } from '../evaluation/evaluationFormat';

/** Dimension colours, the same in the bar chart, the radar and the scorecard. */
export const DIMENSION_COLORS: Record<Dimension, string> = {
  industry: '#1f5fbf',
  factors: '#13a8a8',
  business: '#faad14',
  green: '#52c41a',
};

/** "★ 领跑者": a leading park (top N of the ranking). */
export function LeaderTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('platformEvaluation.leaderHint')}>
      <Tag color="gold" icon={<StarFilled />} style={{ marginInlineEnd: 0 }} data-testid="pe-leader">
        {t('platformEvaluation.leader')}
      </Tag>
    </Tooltip>
  );
}

/** A platform's class: "A 优秀" in the method's colours, or "—" when not rated. */
export function PlatformClassTag({
  cls,
  classes,
  withName,
}: {
  cls: string | null;
  classes: MethodClass[] | undefined;
  withName?: boolean;
}) {
  const lang = useLang();
  if (!cls) return <Typography.Text type="secondary">—</Typography.Text>;
  const c = classes?.find((x) => x.key === cls);
  const name = c ? (lang === 'en' ? c.name.en || c.name.zh : c.name.zh) : '';
  const tag = (
    <Tag color={classTagColor(cls, classes)} style={{ marginInlineEnd: 0 }} data-class={cls}>
      {withName && name ? `${cls} ${name}` : cls}
    </Tag>
  );
  return !withName && name ? <Tooltip title={name}>{tag}</Tooltip> : tag;
}
