/**
 * The enterprise registry export, shared by the route and the CLI. Its importable columns carry the
 * registry import template's headers and values (scale override, grant dates per label, the rating
 * exemption by name), so the export can be imported again unchanged; the columns after them are
 * for reading only and the import ignores them (see imports/core/columns.ts `EXPORT_ONLY_HEADERS`).
 */
import type { SheetSpec } from '../spreadsheets/xlsx-writer';
import { COLUMNS, EXPORT_ONLY_HEADERS } from '../imports/core/columns';
import { LABELS } from './core/codes';
import { RATING_EXEMPTION_NAMES } from './core/fields';
import type { EnterpriseListItem } from './enterprises.schemas';

const SCALE_NAMES: Record<string, string> = { above: '规上', below: '规下' };
const header = (key: string) => COLUMNS.enterprises.find((c) => c.key === key)!.header;

/** Columns of the enterprise export, headers with units. */
export const EXPORT_COLUMNS: SheetSpec<EnterpriseListItem>['columns'] = [
  { header: header('uscc'), width: 22, value: (e) => e.uscc },
  { header: header('name'), width: 34, value: (e) => e.name },
  { header: header('platform'), width: 24, value: (e) => e.platformName },
  { header: header('industryClass'), width: 14, value: (e) => e.industryClass },
  { header: EXPORT_ONLY_HEADERS.industryName, width: 24, value: (e) => e.industryClassName },
  { header: EXPORT_ONLY_HEADERS.keyIndustry, width: 12, value: (e) => e.keyIndustry },
  {
    header: header('scale'),
    width: 10,
    value: (e) => (e.scaleOverride ? SCALE_NAMES[e.scaleOverride] : ''),
  },
  { header: header('ownLandMu'), value: (e) => e.ownLandMu },
  { header: header('leasedFloorM2'), value: (e) => e.leasedFloorM2 },
  {
    header: header('ratingExemption'),
    width: 14,
    value: (e) => (e.ratingExemption ? RATING_EXEMPTION_NAMES[e.ratingExemption].zh : ''),
  },
  ...LABELS.map((label) => ({
    header: header(`label:${label}`),
    width: 14,
    value: (e: EnterpriseListItem) => {
      const held = e.labels.find((l) => l.label === label);
      return held ? (held.grantedOn ?? '是') : '';
    },
  })),
  { header: EXPORT_ONLY_HEADERS.scale, width: 8, value: (e) => SCALE_NAMES[e.scale] },
  { header: EXPORT_ONLY_HEADERS.latestYear, value: (e) => e.latestYear },
  { header: EXPORT_ONLY_HEADERS.output, value: (e) => e.output },
  { header: EXPORT_ONLY_HEADERS.revenue, value: (e) => e.revenue },
  { header: EXPORT_ONLY_HEADERS.tax, value: (e) => e.tax },
  { header: EXPORT_ONLY_HEADERS.valueAdded, value: (e) => e.valueAdded },
  { header: EXPORT_ONLY_HEADERS.employees, value: (e) => e.employees },
];

/** The registry export's sheet (its name is the registry template's data sheet name). */
export const REGISTRY_EXPORT: SheetSpec<EnterpriseListItem> = { name: '企业名录', columns: EXPORT_COLUMNS };
