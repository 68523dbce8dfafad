// The project form's values from a saved project, and the API's body from the form. Pure.
import type { ProjectDetail } from '../../api/projects';
import { normalizeUscc } from '../../lib/uscc';
import type { ProjectFormValues } from './ProjectForm';

/** The form's values of a saved project. */
export function toValues(p: ProjectDetail): ProjectFormValues {
  return {
    code: p.code,
    name: p.name,
    investorKind: p.investorEnterpriseId ? 'registered' : 'outside',
    investorEnterpriseId: p.investorEnterpriseId,
    investorName: p.investorEnterpriseId ? '' : p.investorName,
    investorUscc: p.investorUscc ?? '',
    investorOrigin: p.investorOrigin,
    enterpriseId: p.enterpriseId,
    platformId: p.platformId,
    industryCode: p.industryCode,
    chainNodeCode: p.chainNodeCode ?? '',
    totalInvestment: p.totalInvestment,
    fixedAssetInvestment: p.fixedAssetInvestment,
    foreignInvestment: p.foreignInvestment,
    landMu: p.landMu,
    parcel: p.parcel,
    energyTce: p.energyTce,
    source: p.source,
    referrerEnterpriseId: p.referrerEnterpriseId,
    ownerName: p.ownerName,
    committedIntensity: p.committedIntensity,
    committedOutputPerMu: p.committedOutputPerMu,
    committedTaxPerMu: p.committedTaxPerMu,
    fullProductionYear: p.fullProductionYear,
    note: p.note,
  };
}

export const num = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** The API's body from the form: a registered investor or an outside one, never both. */
export function toBody(v: ProjectFormValues, me: { id: number; displayName: string } | undefined) {
  const registered = v.investorKind === 'registered';
  const ownerName = (v.ownerName ?? '').trim();
  return {
    name: v.name.trim(),
    investorEnterpriseId: registered ? (v.investorEnterpriseId ?? null) : null,
    investorName: registered ? '' : (v.investorName ?? '').trim(),
    investorUscc: !registered && v.investorUscc ? normalizeUscc(v.investorUscc) : null,
    investorOrigin: registered ? '' : (v.investorOrigin ?? '').trim(),
    enterpriseId: v.enterpriseId ?? null,
    platformId: v.platformId ?? 0,
    industryCode: v.industryCode ?? '',
    chainNodeCode: v.chainNodeCode?.trim() || null,
    totalInvestment: v.totalInvestment ?? 0,
    fixedAssetInvestment: num(v.fixedAssetInvestment),
    foreignInvestment: num(v.foreignInvestment),
    landMu: num(v.landMu),
    parcel: (v.parcel ?? '').trim(),
    energyTce: num(v.energyTce),
    source: v.source ?? 'other',
    referrerEnterpriseId: v.source === 'referral' ? (v.referrerEnterpriseId ?? null) : null,
    ownerName,
    ownerUserId: me && ownerName === me.displayName ? me.id : null,
    committedIntensity: num(v.committedIntensity),
    committedOutputPerMu: num(v.committedOutputPerMu),
    committedTaxPerMu: num(v.committedTaxPerMu),
    fullProductionYear: num(v.fullProductionYear),
    note: (v.note ?? '').trim(),
  };
}
