import { describe, expect, it } from 'vitest';
import { changedFields, validatePlatform, type PlatformInput } from './platform-rules';

const ref = {
  types: new Set(['national_etdz']),
  districts: new Set(['330114']),
  industries: new Set(['biomedicine', 'new_materials', 'smart_iot', 'green_energy']),
};
const valid: PlatformInput = {
  name: '钱塘',
  nameEn: '',
  type: 'national_etdz',
  districtCode: '330114',
  areaKm2: 10,
  industrialLandMu: 1000,
  leadingIndustries: ['biomedicine', 'new_materials'],
  isStrategic: false,
  longitude: 120.4,
  latitude: 30.3,
  description: '',
};
const codes = (p: Partial<PlatformInput>) =>
  validatePlatform({ ...valid, ...p }, ref).map((e) => `${e.field}:${e.code}`);

describe('platform validation', () => {
  it('accepts a valid platform', () => expect(codes({})).toEqual([]));
  it.each([
    [{ name: '  ' }, ['name:REQUIRED']],
    [{ name: 'x'.repeat(101) }, ['name:TOO_LONG']],
    [{ type: 'zone' }, ['type:UNKNOWN_TYPE']],
    [{ districtCode: '110101' }, ['districtCode:UNKNOWN_DISTRICT']],
    [{ leadingIndustries: ['biomedicine'] }, ['leadingIndustries:COUNT']],
    [
      { leadingIndustries: ['biomedicine', 'new_materials', 'smart_iot', 'green_energy'] },
      ['leadingIndustries:COUNT'],
    ],
    [{ leadingIndustries: ['biomedicine', 'biomedicine'] }, ['leadingIndustries:DUPLICATE']],
    [{ leadingIndustries: ['biomedicine', 'steel'] }, ['leadingIndustries:UNKNOWN_INDUSTRY']],
    [{ areaKm2: -1 }, ['areaKm2:NEGATIVE']],
    [{ longitude: null }, ['longitude:COORDINATES_PAIR']],
    [{ longitude: 116.4, latitude: 39.9 }, ['longitude:OUT_OF_RANGE', 'latitude:OUT_OF_RANGE']],
  ] as const)('%j → %j', (patch, expected) =>
    expect(codes(patch as Partial<PlatformInput>)).toEqual(expected),
  );

  it('accepts three leading industries and no coordinates', () => {
    expect(
      codes({
        leadingIndustries: ['biomedicine', 'new_materials', 'smart_iot'],
        longitude: null,
        latitude: null,
      }),
    ).toEqual([]);
  });

  it('gives every message in Chinese and English', () => {
    for (const e of validatePlatform({ ...valid, name: '', type: 'x', leadingIndustries: [] }, ref)) {
      expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.en).toMatch(/[A-Za-z]/);
    }
  });

  it('lists changed fields for the audit trail', () => {
    expect(changedFields(valid, { ...valid, areaKm2: 12 })).toEqual({ areaKm2: [10, 12] });
    expect(changedFields(valid, { ...valid })).toEqual({});
  });
});
