import type { TFunction } from 'i18next';
import type { YearFieldKey } from '../../../modules/enterprises/core/fields';
import { YEAR_FIELD_KEYS } from '../../../modules/enterprises/core/fields';

/** Unit (locale key under `units.`) of each enterprise-year figure (contract: Units). */
export const YEAR_FIELD_UNITS: Record<YearFieldKey, string> = {
  output: 'wanYuan',
  revenue: 'wanYuan',
  tax: 'wanYuan',
  valueAdded: 'wanYuan',
  energyTce: 'tce',
  electricity: 'wanKwh',
  emissions: 'tonnes',
  rdSpending: 'wanYuan',
  employees: 'persons',
  fixedAssetInvestment: 'wanYuan',
};

export const INTEGER_FIELDS: ReadonlySet<YearFieldKey> = new Set(['employees']);

export { YEAR_FIELD_KEYS };

export function isYearField(key: string): key is YearFieldKey {
  return (YEAR_FIELD_KEYS as readonly string[]).includes(key);
}

/** "营业收入" */
export function fieldName(t: TFunction, key: string): string {
  return t(`enterprise.fields.${key}`, { defaultValue: key });
}

/** "营业收入（万元）" */
export function fieldHeader(t: TFunction, key: YearFieldKey): string {
  return t('enterprise.withUnit', { name: fieldName(t, key), unit: t(`units.${YEAR_FIELD_UNITS[key]}`) });
}

/** "营业收入（万元，2025）"; without a year like fieldHeader. */
export function fieldHeaderOfYear(t: TFunction, key: YearFieldKey, year: number | null): string {
  if (year === null) return fieldHeader(t, key);
  return t('enterprise.withUnitYear', {
    name: fieldName(t, key),
    unit: t(`units.${YEAR_FIELD_UNITS[key]}`),
    year,
  });
}

/** The list filters and forms pick from the last ten years; the default is last year. */
export function recentYears(count = 10, now = new Date()): number[] {
  const current = now.getFullYear();
  return Array.from({ length: count }, (_, i) => current - i);
}

export function lastYear(now = new Date()): number {
  return now.getFullYear() - 1;
}
