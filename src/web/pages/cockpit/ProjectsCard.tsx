import { Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useMe } from '../../api/auth';
import { useProjectStats } from '../../api/projects';
import { formatInteger, formatMoney } from '../../lib/format';
import { useLang } from '../../lib/useLang';

/**
 * The cockpit year's investment projects (the city's or the platform's): T6 computed, signed,
 * stalled (to the list), pending approval.
 */
export function ProjectsCard({ year, platformId }: { year: number; platformId: number | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data: me } = useMe();
  const { data } = useProjectStats(
    { year, platformId: platformId ?? undefined },
    hasPermission(me, 'project:read'),
  );
  if (!data) return null;
  const count = (v: number) => t('projects.unit.count', { value: formatInteger(v) });
  return (
    <Card
      size="small"
      className="yy-no-print"
      title={
        <Link to={`/projects/analysis?year=${year}${platformId ? `&platformId=${platformId}` : ''}`}>
          {t('projects.cockpit.title')} · {year}
        </Link>
      }
      data-testid="cockpit-projects"
    >
      <Row gutter={[16, 8]}>
        <Col xs={12} md={6} xl={4}>
          <Statistic
            title={
              <Link to={`/projects?majorYear=${year}${platformId ? `&platformId=${platformId}` : ''}`}>
                {t('projects.cockpit.t6')}
              </Link>
            }
            value={count(data.city.majorSigned)}
            data-testid="cockpit-projects-t6"
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Statistic title={t('projects.cockpit.signed')} value={count(data.city.signed)} />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Statistic
            title={t('projects.analysis.signedInvestment')}
            value={formatMoney(data.city.signedInvestment, lang === 'en' ? 'en' : 'zh')}
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Statistic
            title={
              <Link to="/projects/stalls" data-testid="cockpit-projects-stalls">
                {t('projects.cockpit.stalled')}
              </Link>
            }
            value={count(data.city.stalled)}
            suffix={data.city.stalled > 0 ? <Tag color="orange">{t('projects.stall.stalled')}</Tag> : null}
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Statistic
            title={
              hasPermission(me, 'project:approve') ? (
                <Link to="/projects/approvals">{t('projects.cockpit.pending')}</Link>
              ) : (
                t('projects.cockpit.pending')
              )
            }
            value={count(data.city.pending)}
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('projects.cockpit.note')}
          </Typography.Text>
        </Col>
      </Row>
    </Card>
  );
}
