/**
 * Loads the demo investment pipeline (core/demo-projects.ts) in the demo loader's transaction:
 * projects with their approved stage changes (the task force's), a few pending ones submitted by
 * the platform's administrator, ends with their reasons. Skipped when demo projects exist.
 */
import type { Tx } from '../../platform/db/client';
import { recordAudit, type AuditSubject } from '../audit/audit.service';
import { stallRulesIn } from '../projects/projects.service';
import { demoProjects } from './core/demo-projects';
import { demoProjectInputs, insertDemoProject } from './demo.repository';

export async function seedDemoProjects(
  tx: Tx,
  client: Parameters<typeof demoProjectInputs>[0],
  subject: AuditSubject,
  seed: number,
  today: string,
): Promise<{ projects: number; pending: number }> {
  const inputs = await demoProjectInputs(client);
  if (inputs.existing > 0 || !inputs.platforms.length) return { projects: 0, pending: 0 };
  const projects = demoProjects({
    seed,
    today,
    platforms: inputs.platforms,
    companies: inputs.companies,
    rules: await stallRulesIn(tx),
    referrers: inputs.referrers,
  });
  let pending = 0;
  for (const p of projects) {
    const approved = p.steps.filter((s) => s.status === 'approved');
    const stages = approved.filter((s) => s.stage !== 'dropped' && s.stage !== 'lost');
    const current = stages.at(-1)!;
    const end = approved.find((s) => s.stage === 'dropped' || s.stage === 'lost');
    const { steps, ...fields } = p;
    const admin = inputs.admins.get(p.platformId) ?? null;
    let from: string | null = null;
    await insertDemoProject(
      client,
      {
        ...fields,
        stage: current.stage,
        stageDate: current.date,
        status: end ? end.stage : 'active',
        endDate: end?.date ?? null,
        endReason: end?.note ?? null,
      },
      steps.map((s) => {
        const row = {
          stage: s.stage,
          fromStage: from,
          date: s.date,
          status: s.status,
          note: s.note,
          by: s.status === 'pending' ? admin : inputs.taskForce,
          decider: s.status === 'approved' ? inputs.taskForce : null,
        };
        if (s.status === 'pending') pending++;
        else if (s.stage !== 'dropped' && s.stage !== 'lost') from = s.stage;
        return row;
      }),
    );
  }
  await recordAudit(tx, subject, {
    action: 'project.seed',
    result: 'success',
    objectType: 'project',
    detail: { projects: projects.length, pending, seed },
  });
  return { projects: projects.length, pending };
}
