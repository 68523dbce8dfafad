/** Validation of platform data (domain guide §3). Pure: reference codes are passed in. */
import type { FieldError } from '../../../platform/errors';
import type { PlatformInput } from '../platforms.schemas';

export type { PlatformInput };

export interface ReferenceCodes {
  types: ReadonlySet<string>;
  districts: ReadonlySet<string>;
  industries: ReadonlySet<string>;
}

/** Hangzhou's bounding box, generous: a point outside it is almost certainly a typing error. */
export const HANGZHOU_BOUNDS = { minLng: 118, maxLng: 121, minLat: 29, maxLat: 31 } as const;
export const LEADING_INDUSTRIES_MIN = 2;
export const LEADING_INDUSTRIES_MAX = 3;
export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 2000;

const err = (field: string, code: string, zh: string, en: string): FieldError => ({ field, code, zh, en });

export function validatePlatform(p: PlatformInput, ref: ReferenceCodes): FieldError[] {
  const errors: FieldError[] = [];
  const name = p.name.trim();
  if (!name) errors.push(err('name', 'REQUIRED', '请填写园区名称', 'Enter the platform name'));
  if (name.length > NAME_MAX)
    errors.push(err('name', 'TOO_LONG', `名称最多 ${NAME_MAX} 个字符`, `At most ${NAME_MAX} characters`));
  if (p.nameEn.length > 200)
    errors.push(err('nameEn', 'TOO_LONG', '英文名称最多 200 个字符', 'At most 200 characters'));
  if (!ref.types.has(p.type))
    errors.push(err('type', 'UNKNOWN_TYPE', '未知的园区类型', 'Unknown platform type'));
  if (!ref.districts.has(p.districtCode))
    errors.push(
      err(
        'districtCode',
        'UNKNOWN_DISTRICT',
        '未知的行政区划代码（GB/T 2260）',
        'Unknown district code (GB/T 2260)',
      ),
    );
  const industries = p.leadingIndustries;
  if (new Set(industries).size !== industries.length)
    errors.push(err('leadingIndustries', 'DUPLICATE', '主导产业不能重复', 'Leading industries must differ'));
  if (industries.length < LEADING_INDUSTRIES_MIN || industries.length > LEADING_INDUSTRIES_MAX)
    errors.push(
      err(
        'leadingIndustries',
        'COUNT',
        `请选择 ${LEADING_INDUSTRIES_MIN}–${LEADING_INDUSTRIES_MAX} 个主导产业（一园一主业）`,
        `Choose ${LEADING_INDUSTRIES_MIN}–${LEADING_INDUSTRIES_MAX} leading industries`,
      ),
    );
  const unknown = industries.filter((code) => !ref.industries.has(code));
  if (unknown.length)
    errors.push(
      err(
        'leadingIndustries',
        'UNKNOWN_INDUSTRY',
        `未知的产业：${unknown.join('、')}`,
        `Unknown industry: ${unknown.join(', ')}`,
      ),
    );
  for (const [field, value, zh] of [
    ['areaKm2', p.areaKm2, '规划面积'],
    ['industrialLandMu', p.industrialLandMu, '工业用地面积'],
  ] as const) {
    if (value !== null && (!Number.isFinite(value) || value < 0))
      errors.push(err(field, 'NEGATIVE', `${zh}不能为负数`, 'Must be zero or more'));
  }
  if ((p.longitude === null) !== (p.latitude === null))
    errors.push(
      err(
        'longitude',
        'COORDINATES_PAIR',
        '经度和纬度需同时填写或同时留空',
        'Give both longitude and latitude, or neither',
      ),
    );
  if (p.longitude !== null && (p.longitude < HANGZHOU_BOUNDS.minLng || p.longitude > HANGZHOU_BOUNDS.maxLng))
    errors.push(
      err(
        'longitude',
        'OUT_OF_RANGE',
        '经度应在 118–121 之间（杭州市域）',
        'Longitude must be 118–121 (Hangzhou)',
      ),
    );
  if (p.latitude !== null && (p.latitude < HANGZHOU_BOUNDS.minLat || p.latitude > HANGZHOU_BOUNDS.maxLat))
    errors.push(
      err('latitude', 'OUT_OF_RANGE', '纬度应在 29–31 之间（杭州市域）', 'Latitude must be 29–31 (Hangzhou)'),
    );
  if (p.description.length > DESCRIPTION_MAX)
    errors.push(
      err(
        'description',
        'TOO_LONG',
        `简介最多 ${DESCRIPTION_MAX} 个字符`,
        `At most ${DESCRIPTION_MAX} characters`,
      ),
    );
  return errors;
}

/** Field-by-field differences, for the audit trail. */
export function changedFields(
  before: PlatformInput,
  after: PlatformInput,
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as (keyof PlatformInput)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = [before[key], after[key]];
  }
  return changes;
}
