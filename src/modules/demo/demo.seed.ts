/**
 * Demo data for `yiyuan serve --demo`: 16 illustrative platforms (flagged is_demo and shown as
 * 演示数据 — not the official list), one demo enterprise, one demo account per role and the
 * platforms' service commissioners.
 * Idempotent: running it again changes nothing.
 */
import type { Database } from '../../platform/db/client';
import type { AuditSubject } from '../audit/audit.service';
import type { Role } from '../auth/core/access';
import { insertPlatformIn } from '../platforms/platforms.service';
import { insertUser } from '../users/users.service';
import { SEEDED_DEMO_NAME, SEEDED_DEMO_USCC } from './core/demo-identity';
import { DEMO_COMMISSIONER_PLATFORM_INDEX, demoCommissioners } from './core/demo-services';
import {
  countDemoPlatforms,
  departmentIdByCode,
  ensureDemoEnterprise,
  lockDemo,
  platformIdByName,
  usernameTaken,
} from './demo.repository';

export { demoUscc } from './core/demo-identity';

export const DEMO_PASSWORD = 'Yiyuan#Demo2025';

type DemoPlatform = [
  name: string,
  nameEn: string,
  type: string,
  district: string,
  industries: string[],
  strategic: boolean,
  areaKm2: number,
  landMu: number,
  lng: number,
  lat: number,
];

export const DEMO_PLATFORMS: DemoPlatform[] = [
  [
    '钱塘新区产业集聚区',
    'Qiantang Industrial Cluster Zone',
    'national_etdz',
    '330114',
    ['biomedicine', 'integrated_circuits', 'high_end_equipment'],
    true,
    531.7,
    62000,
    120.49,
    30.3,
  ],
  [
    '杭州高新区（滨江）',
    'Hangzhou Hi-tech Zone (Binjiang)',
    'national_hitech',
    '330108',
    ['smart_iot', 'artificial_intelligence', 'integrated_circuits'],
    true,
    72.0,
    9800,
    120.21,
    30.21,
  ],
  [
    '萧山经济技术开发区',
    'Xiaoshan Economic and Technological Development Zone',
    'national_etdz',
    '330109',
    ['high_end_equipment', 'new_materials'],
    true,
    184.0,
    28500,
    120.3,
    30.18,
  ],
  [
    '杭州余杭经济技术开发区',
    'Hangzhou Yuhang Economic and Technological Development Zone',
    'national_etdz',
    '330113',
    ['high_end_equipment', 'biomedicine'],
    false,
    118.0,
    21000,
    120.3,
    30.42,
  ],
  [
    '杭州未来科技城',
    'Hangzhou Future Sci-Tech City',
    'provincial_hitech',
    '330110',
    ['artificial_intelligence', 'smart_iot', 'biomedicine'],
    true,
    123.1,
    8600,
    120.0,
    30.28,
  ],
  [
    '紫金港科技城',
    'Zijingang Sci-Tech City',
    'provincial_hitech',
    '330106',
    ['artificial_intelligence', 'smart_iot'],
    false,
    95.2,
    5200,
    120.08,
    30.3,
  ],
  [
    '杭州智慧网谷',
    'Hangzhou Smart Valley',
    'industrial_park',
    '330105',
    ['smart_iot', 'artificial_intelligence'],
    false,
    10.6,
    1900,
    120.15,
    30.35,
  ],
  [
    '上城望江智造园',
    'Shangcheng Wangjiang Smart Manufacturing Park',
    'industrial_park',
    '330102',
    ['smart_iot', 'high_end_equipment'],
    false,
    8.3,
    1500,
    120.2,
    30.24,
  ],
  [
    '富阳经济技术开发区',
    'Fuyang Economic and Technological Development Zone',
    'provincial_etdz',
    '330111',
    ['new_materials', 'high_end_equipment'],
    false,
    106.0,
    19800,
    119.95,
    30.05,
  ],
  [
    '青山湖科技城',
    'Qingshan Lake Sci-Tech City',
    'provincial_hitech',
    '330112',
    ['smart_iot', 'new_materials'],
    true,
    115.0,
    16500,
    119.8,
    30.23,
  ],
  [
    '桐庐经济开发区',
    'Tonglu Economic Development Zone',
    'provincial_etdz',
    '330122',
    ['high_end_equipment', 'biomedicine'],
    false,
    42.0,
    11200,
    119.69,
    29.8,
  ],
  [
    '千岛湖经济开发区',
    'Qiandao Lake Economic Development Zone',
    'provincial_etdz',
    '330127',
    ['green_energy', 'biomedicine'],
    false,
    22.5,
    4300,
    119.05,
    29.61,
  ],
  [
    '建德高新技术产业园区',
    'Jiande High-tech Industrial Park',
    'provincial_hitech',
    '330182',
    ['new_materials', 'green_energy'],
    false,
    50.8,
    13800,
    119.28,
    29.47,
  ],
  [
    '杭州医药港',
    'Hangzhou Medical Port',
    'industrial_park',
    '330114',
    ['biomedicine', 'high_end_equipment'],
    false,
    30.0,
    7200,
    120.37,
    30.29,
  ],
  [
    '杭州空港经济区',
    'Hangzhou Airport Economic Zone',
    'provincial_etdz',
    '330109',
    ['high_end_equipment', 'smart_iot'],
    false,
    140.0,
    15600,
    120.43,
    30.23,
  ],
  [
    '仁和先进制造业基地',
    'Renhe Advanced Manufacturing Base',
    'industrial_park',
    '330110',
    ['high_end_equipment', 'new_materials'],
    false,
    48.0,
    12100,
    120.12,
    30.43,
  ],
];

/** The demo department user's department (市经信局). */
export const DEMO_DEPARTMENT = 'jxj';

export interface DemoCredentials {
  password: string;
  users: { username: string; role: Role; displayName: string; scope: string | null }[];
}

export async function seedDemo(database: Database): Promise<DemoCredentials> {
  const seeder: AuditSubject = { userId: null, username: 'system:demo-seed', ip: null };
  return database.transaction(async (tx) => {
    // Serialise concurrent seeders.
    await lockDemo(tx, 727401);
    if ((await countDemoPlatforms(tx)) === 0) {
      for (const [
        name,
        nameEn,
        type,
        districtCode,
        leadingIndustries,
        isStrategic,
        areaKm2,
        industrialLandMu,
        longitude,
        latitude,
      ] of DEMO_PLATFORMS) {
        await insertPlatformIn(
          tx,
          {
            name,
            nameEn,
            type,
            districtCode,
            leadingIndustries,
            isStrategic,
            areaKm2,
            industrialLandMu,
            longitude,
            latitude,
            description:
              '演示数据：名称与数字仅作示意，非官方名单。Demo data: illustrative, not the official list.',
          },
          { isDemo: true },
        );
      }
    }
    const qiantang = await platformIdByName(tx, DEMO_PLATFORMS[0]![0]);
    const binjiang = await platformIdByName(tx, DEMO_PLATFORMS[1]![0]);
    const enterprise = await ensureDemoEnterprise(tx, SEEDED_DEMO_USCC, SEEDED_DEMO_NAME, binjiang);
    const accounts: {
      username: string;
      displayName: string;
      role: Role;
      platformId?: number | null;
      enterpriseId?: number | null;
      departmentId?: number | null;
      scope: string | null;
    }[] = [
      { username: 'taskforce', displayName: '市专班 演示', role: 'task_force', scope: null },
      { username: 'leader', displayName: '市领导 演示', role: 'leader', scope: null },
      {
        username: 'platform',
        displayName: '钱塘园区管理员 演示',
        role: 'platform_admin',
        platformId: qiantang,
        scope: DEMO_PLATFORMS[0]![0],
      },
      {
        username: 'commissioner',
        displayName: '服务专员 演示',
        role: 'commissioner',
        platformId: binjiang,
        scope: DEMO_PLATFORMS[DEMO_COMMISSIONER_PLATFORM_INDEX]![0],
      },
      {
        username: 'enterprise',
        displayName: '企业用户 演示',
        role: 'enterprise',
        enterpriseId: enterprise?.id ?? null,
        scope: enterprise?.name ?? null,
      },
      {
        username: 'department',
        displayName: '市经信局 演示',
        role: 'department',
        departmentId: await departmentIdByCode(tx, DEMO_DEPARTMENT),
        scope: '市经信局',
      },
      { username: 'sysadmin', displayName: '系统管理员 演示', role: 'system_admin', scope: null },
      { username: 'secadmin', displayName: '安全管理员 演示', role: 'security_admin', scope: null },
      { username: 'auditor', displayName: '审计管理员 演示', role: 'audit_admin', scope: null },
    ];
    for (const { scope: _scope, ...account } of accounts) {
      if (!(await usernameTaken(tx, account.username)))
        await insertUser(tx, seeder, account, { password: DEMO_PASSWORD, mustChangePassword: false });
    }
    // The platforms' service commissioners (the demo `commissioner` login is one of 滨江's).
    for (const c of demoCommissioners(DEMO_PLATFORMS.length)) {
      if (await usernameTaken(tx, c.username)) continue;
      const platformId = await platformIdByName(tx, DEMO_PLATFORMS[c.platformIndex]![0]);
      if (platformId === null) continue;
      await insertUser(
        tx,
        seeder,
        { username: c.username, displayName: c.displayName, role: 'commissioner', platformId },
        { password: DEMO_PASSWORD, mustChangePassword: false },
      );
    }
    return {
      password: DEMO_PASSWORD,
      users: accounts.map(({ username, role, displayName, scope }) => ({
        username,
        role,
        displayName,
        scope,
      })),
    };
  });
}
