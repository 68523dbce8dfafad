import { CompressOutlined, ExpandOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DemoTag } from '../../../components/DemoTag';
import { formatDateTime } from '../../../lib/format';
import { refreshChoices } from './screenSettings';

interface Props {
  title: string;
  subtitle: string | null;
  demo: boolean;
  /** When the data on screen was fetched (ms since the epoch; 0: not yet). */
  updatedAt: number;
  dataVersion: number | null;
  refresh: number;
  onRefresh: (seconds: number) => void;
  fullscreen: boolean;
  onFullscreen: () => void;
  onExit: () => void;
}

/** The large screen's title bar: what and when, the refresh interval, full screen and the way back. */
export function ScreenHeader(props: Props) {
  const { t } = useTranslation();
  const refreshLabel = (s: number) =>
    s === 0
      ? t('cockpit.screen.refreshOff')
      : s % 60 === 0
        ? t('cockpit.screen.refreshMinutes', { count: s / 60 })
        : t('cockpit.screen.refreshSeconds', { count: s });
  return (
    <header className="yy-screen-header">
      <Flex vertical gap={0} style={{ minWidth: 0, flex: '1 1 auto' }}>
        <Flex align="center" gap={10} style={{ minWidth: 0 }}>
          <Typography.Title level={2} className="yy-screen-title" data-testid="cockpit-screen-title">
            {props.title}
          </Typography.Title>
          {props.demo && <DemoTag />}
        </Flex>
        {props.subtitle && (
          <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ fontSize: 13 }}>
            {props.subtitle}
          </Typography.Text>
        )}
      </Flex>
      <Flex align="center" gap={10} style={{ flexShrink: 0 }}>
        <Flex vertical align="end" gap={0}>
          <span className="yy-screen-updated" data-testid="cockpit-screen-updated">
            {props.updatedAt > 0
              ? t('cockpit.screen.updated', { at: formatDateTime(new Date(props.updatedAt)) })
              : '—'}
          </span>
          {props.dataVersion !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cockpit.screen.version', { version: props.dataVersion })}
            </Typography.Text>
          )}
        </Flex>
        <Select<number>
          aria-label={t('cockpit.screen.refresh')}
          data-testid="cockpit-screen-refresh"
          style={{ width: 150 }}
          value={props.refresh}
          onChange={props.onRefresh}
          options={refreshChoices(props.refresh).map((s) => ({ value: s, label: refreshLabel(s) }))}
          popupMatchSelectWidth={false}
        />
        <Button
          icon={props.fullscreen ? <CompressOutlined /> : <ExpandOutlined />}
          onClick={props.onFullscreen}
          data-testid="cockpit-screen-fullscreen"
          aria-pressed={props.fullscreen}
        >
          {props.fullscreen ? t('cockpit.screen.exitFullscreen') : t('cockpit.screen.fullscreen')}
        </Button>
        <Button icon={<RollbackOutlined />} onClick={props.onExit} data-testid="cockpit-screen-exit">
          {t('cockpit.screen.exit')}
        </Button>
      </Flex>
    </header>
  );
}
