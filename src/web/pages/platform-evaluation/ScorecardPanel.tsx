import { Alert, Card, Col, Drawer, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS } from '../../../modules/evaluation/core/indicators';
import type { Method } from '../../api/evaluation';
import type { PlatformEvaluation, PlatformScore } from '../../api/platformEvaluation';
import { formatFactor, formatScore, formatSetting } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { LeaderTag, PlatformClassTag } from './parts';
import { dimensionFullMarks, explainFlag, formatUnits, indicatorName, type FlagInfo } from './peFormat';
import { DimensionBar, DimensionRadar } from './ScorecardCharts';
import { ItemsTable } from './ScorecardItems';

interface DrawerProps {
  data: PlatformEvaluation;
  platform: PlatformScore | null;
  method: Method | undefined;
  onClose: () => void;
}

/** The scorecard of the platform clicked in the ranking or the allocation. */
export function ScorecardDrawer({ data, platform, method, onClose }: DrawerProps) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Drawer
      open={platform !== null}
      onClose={onClose}
      size={980}
      title={
        platform
          ? t('platformEvaluation.scorecard.drawerTitle', {
              name: lang === 'en' ? platform.nameEn || platform.name : platform.name,
              year: data.year,
            })
          : ''
      }
      destroyOnHidden
    >
      {platform && <ScorecardPanel data={data} platform={platform} method={method} />}
    </Drawer>
  );
}

export interface PanelProps {
  data: PlatformEvaluation;
  platform: PlatformScore;
  method: Method | undefined;
}

/** Score, rank, quota, the four dimensions (bars and radar), every item by dimension, and flags. */
export function ScorecardPanel({ data, platform, method }: PanelProps) {
  const { t } = useTranslation();
  const full = dimensionFullMarks(platform.items, data.noData);
  const ranked = data.platforms.filter((p) => p.rank !== null).length;
  return (
    <Flex vertical gap={16} data-testid="pe-scorecard" data-platform={platform.platformId}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('platformEvaluation.scorecard.result')} style={{ height: '100%' }}>
            <Flex vertical gap={10}>
              <Flex align="baseline" gap={8} wrap>
                <Typography.Text
                  style={{ fontSize: 40, fontWeight: 600, lineHeight: 1 }}
                  data-testid="pe-scorecard-score"
                >
                  {platform.score === null ? '—' : formatScore(platform.score)}
                </Typography.Text>
                <Typography.Text type="secondary">{t('platformEvaluation.pointsUnit')}</Typography.Text>
                <PlatformClassTag cls={platform.class} classes={method?.classes} withName />
                {platform.leader && <LeaderTag />}
              </Flex>
              {platform.rank !== null && (
                <Typography.Text>
                  {ranked > 1
                    ? t('platformEvaluation.scorecard.rankOf', { rank: platform.rank, size: ranked })
                    : t('platformEvaluation.scorecard.rank', { rank: platform.rank })}
                </Typography.Text>
              )}
              <QuotaLine data={data} platform={platform} />
              <Flex vertical gap={6} style={{ marginTop: 4 }}>
                {DIMENSIONS.map((d) => (
                  <DimensionBar key={d} dimension={d} points={platform.dimensions[d]} full={full[d]} />
                ))}
              </Flex>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('platformEvaluation.scorecard.radar')} style={{ height: '100%' }}>
            <DimensionRadar data={data} platform={platform} full={full} />
          </Card>
        </Col>
      </Row>
      <ItemsTable data={data} platform={platform} method={method} />
      <Flags data={data} platform={platform} />
    </Flex>
  );
}

function QuotaLine({ data, platform }: { data: PlatformEvaluation; platform: PlatformScore }) {
  const { t } = useTranslation();
  if (!platform.land.eligible)
    return (
      <Typography.Text type="warning">
        {t('platformEvaluation.scorecard.belowThreshold', { threshold: formatSetting(data.pool.threshold) })}
      </Typography.Text>
    );
  return (
    <Typography.Text>
      {t('platformEvaluation.scorecard.quota', {
        land: formatUnits(platform.land.units),
        energy: formatUnits(platform.energy.units),
      })}
    </Typography.Text>
  );
}

/** The result's data-quality flags in words. */
function Flags({ data, platform }: { data: PlatformEvaluation; platform: PlatformScore }) {
  const { t } = useTranslation();
  const lang = useLang();
  const infos = platform.flags.map((f) => explainFlag(f, platform.items));
  const missing = (rule: string) =>
    infos
      .filter((f): f is Extract<FlagInfo, { kind: 'missing' }> => f.kind === 'missing' && f.rule === rule)
      .map((f) => indicatorName(f.indicator, lang));
  const separator = t('platformEvaluation.listSeparator');
  const lines: { key: string; type: 'info' | 'warning'; text: string }[] = [];
  const noData = missing('no_data');
  if (noData.length)
    lines.push({
      key: 'no_data',
      type: 'info',
      text: t('platformEvaluation.flags.noData', {
        names: noData.join(separator),
        factor: formatFactor(data.noData?.rescale ?? 1),
      }),
    });
  const average = missing('cohort_average');
  if (average.length)
    lines.push({
      key: 'average',
      type: 'warning',
      text: t('platformEvaluation.flags.average', { names: average.join(separator) }),
    });
  const zero = missing('zero');
  if (zero.length)
    lines.push({
      key: 'zero',
      type: 'warning',
      text: t('platformEvaluation.flags.zero', { names: zero.join(separator) }),
    });
  if (infos.some((f) => f.kind === 'no_land'))
    lines.push({ key: 'no_land', type: 'warning', text: t('platformEvaluation.flags.noLand') });
  for (const f of infos) if (f.kind === 'other') lines.push({ key: f.raw, type: 'warning', text: f.raw });

  return (
    <Card size="small" title={t('platformEvaluation.flags.title')} data-testid="pe-flags">
      {lines.length === 0 ? (
        <Typography.Text type="success">{t('platformEvaluation.flags.none')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {lines.map((l) => (
            <Alert key={l.key} type={l.type} showIcon title={l.text} />
          ))}
        </Flex>
      )}
    </Card>
  );
}
