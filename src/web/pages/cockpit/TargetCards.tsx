import { Card, Skeleton } from 'antd';
import type { Cockpit } from '../../api/cockpit';
import type { DrillRequest } from './DrillDrawer';
import { TargetCardView } from './TargetCardView';
import type { CockpitMetrics } from './useCockpitMetrics';

interface Props {
  data: Cockpit;
  metrics: CockpitMetrics;
  /** The platforms of the scope (for "reported by n of N"). */
  platformCount: number;
  onDrill: (req: DrillRequest) => void;
}

/** One card per target of the period, in a grid of 5 (1920 px) or 3 (1366 px) a row. */
export function TargetCards({ data, metrics, platformCount, onDrill }: Props) {
  return (
    <div className="yy-cockpit-targets" data-testid="cockpit-targets">
      {data.targets.map((card) => (
        <TargetCardView
          key={card.target.id}
          card={card}
          data={data}
          metrics={metrics}
          platformCount={platformCount}
          onDrill={onDrill}
        />
      ))}
    </div>
  );
}

export function TargetCardsSkeleton({ count = 10 }: { count?: number }) {
  return (
    <div className="yy-cockpit-targets">
      {Array.from({ length: count }, (_, i) => (
        <Card key={i} size="small">
          <Skeleton active paragraph={{ rows: 4 }} />
        </Card>
      ))}
    </div>
  );
}
