import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CockpitPlatform } from '../../api/cockpit';

/** A platform's evaluation rank, starred when it is a leading park; "—" without a rank. */
export function RankCell({ platform, testId }: { platform: CockpitPlatform; testId?: string }) {
  const { t } = useTranslation();
  if (platform.rank === null) return '—';
  return (
    <span data-testid={testId}>
      {platform.leader && (
        <Tooltip title={t('cockpit.ranking.leader')}>
          <span className="yy-cockpit-leader" aria-label={t('cockpit.ranking.leader')}>
            ★{' '}
          </span>
        </Tooltip>
      )}
      {platform.rank}
    </span>
  );
}
