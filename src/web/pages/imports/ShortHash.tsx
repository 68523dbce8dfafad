import { Tooltip, Typography } from 'antd';

/** A SHA-256 shortened to its first 12 hex digits; the copy button copies all 64. */
export function ShortHash({ hash }: { hash: string }) {
  if (!hash) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title={<span style={{ wordBreak: 'break-all', fontFamily: 'monospace' }}>{hash}</span>}>
      <Typography.Text copyable={{ text: hash }} style={{ fontFamily: 'monospace', fontSize: 12 }}>
        {hash.slice(0, 12)}…
      </Typography.Text>
    </Tooltip>
  );
}
