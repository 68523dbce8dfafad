import { Typography } from 'antd';

/** A table header in two lines: the figure's name, then its unit (and year); `full` is the tooltip. */
export function HeaderWithUnit({ name, unit, full }: { name: string; unit: string; full: string }) {
  return (
    <span title={full}>
      {name}
      <br />
      <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
        {unit}
      </Typography.Text>
    </span>
  );
}
