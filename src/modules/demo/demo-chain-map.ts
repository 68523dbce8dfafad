/**
 * The demo chain map: each demo chain leader gets three to five local suppliers of its key industry
 * and an outside customer (以企招企 starts there), and each demo platform's leading industries get
 * investment targets on their missing nodes (nodes no GB/T 4754 class places enterprises on), in
 * every status. Enterprises sit on nodes by their class, so each industry shows strong, weak and
 * missing nodes. Through the chain-map service's own functions (audit rows included); links are
 * skipped when links exist, targets when targets exist (a replaced city gets new links).
 */
import type { Tx } from '../../platform/db/client';
import type { AuditSubject } from '../audit/audit.service';
import { createTargetIn, linkPartnerIn } from '../chain-map/chain-map.service';
import { TARGET_STATUSES } from '../chain-map/core/codes';
import { demoChainInputs } from './demo.repository';

const ORIGINS = ['上海市', '深圳市', '苏州市', '北京市', '合肥市', '南京市', '境外·德国', '境外·日本'];
const CUSTOMERS = [
  '上海市某整机企业（演示）',
  '江苏省某系统集成企业（演示）',
  '广东省某终端品牌企业（演示）',
];

export async function seedDemoChainMap(tx: Tx): Promise<{ links: number; targets: number }> {
  const inputs = await demoChainInputs(tx);
  const by = inputs.taskForce;
  const subject: AuditSubject = { userId: by?.id ?? null, username: 'taskforce', ip: null };
  const who = { createdBy: by?.id ?? null, createdByName: by?.name ?? '市专班 演示' };
  let links = 0;
  let targets = 0;
  const used = new Set<number>();
  for (const [i, leader] of (inputs.links > 0 ? [] : inputs.leaders).entries()) {
    const suppliers = inputs.peers
      .filter(
        (p) => p.platformId === leader.platformId && p.industry === leader.industry && p.id !== leader.id,
      )
      .filter((p) => !used.has(p.id))
      .slice(0, 3 + (i % 3));
    for (const s of suppliers) {
      used.add(s.id);
      await linkPartnerIn(tx, subject, {
        leaderEnterpriseId: leader.id,
        partnerEnterpriseId: s.id,
        partnerName: null,
        relation: 'supplier',
        note: '本地配套（演示）',
        ...who,
      });
      links++;
    }
    await linkPartnerIn(tx, subject, {
      leaderEnterpriseId: leader.id,
      partnerEnterpriseId: null,
      partnerName: CUSTOMERS[i % CUSTOMERS.length]!,
      relation: 'customer',
      note: '可作为以企招企线索（演示）',
      ...who,
    });
    links++;
  }
  let k = 0;
  for (const { platformId, industry } of inputs.targets > 0 ? [] : inputs.leading) {
    for (const gap of inputs.gaps.filter((g) => g.industry === industry).slice(0, 2)) {
      for (let j = 0; j < 1 + (k % 2); j++, k++) {
        const origin = ORIGINS[k % ORIGINS.length]!;
        await createTargetIn(tx, subject, {
          industryCode: industry,
          nodeCode: gap.node,
          platformId,
          name: `${origin.replace('境外·', '')}某${gap.nameZh}企业${j ? '乙' : '甲'}（演示）`,
          uscc: null,
          origin,
          note: '补链招商对象（演示数据）',
          status: TARGET_STATUSES[k % TARGET_STATUSES.length]!,
          ...who,
        });
        targets++;
      }
    }
  }
  return { links, targets };
}
