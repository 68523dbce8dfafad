/** Key rotation (yiyuan keys rotate) re-seals project contacts' numbers too, with their own context. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PiKeyRing, PROJECT_PHONE_CONTEXT, openPhone, sealPhone } from '../../platform/crypto/personal-info';
import { testDatabase, testKeyRing, TEST_PI_KEY } from '../../test/database';
import { createPersonalInfoService } from '../personal-info/personal-info.service';

describe('project contacts under key rotation', () => {
  it('are re-sealed under the new key, opened with their own context only, and a re-run does nothing', async () => {
    const database = await testDatabase();
    const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);
    const [{ id: platformId }] = (
      await q(
        `insert into platforms (name, type, district_code) values ('轮换园', 'national_etdz', '330114') returning id`,
      )
    ).rows;
    const [{ id: projectId }] = (
      await q(
        `insert into projects (code, name, investor_name, platform_id, industry_code, total_investment, source, stage_date)
         values ('XM-ROT-00001', '轮换项目', '投资方', $1, 'new_materials', 1000, 'chain', '2025-01-01') returning id`,
        [platformId],
      )
    ).rows;
    const sealed = sealPhone(testKeyRing(), '13712345678', PROJECT_PHONE_CONTEXT);
    await q(
      `insert into project_contacts (project_id, name, phone_cipher, phone_index) values ($1, '联系人', $2, $3)`,
      [projectId, sealed.phoneCipher, sealed.phoneIndex],
    );
    // A project number does not open as an enterprise contact's (the context is part of the MAC).
    expect(() => openPhone(testKeyRing(), sealed.phoneCipher)).toThrow(/tampered/);

    const newKey = randomBytes(32);
    const rotated = new PiKeyRing([newKey, Buffer.from(TEST_PI_KEY, 'base64')]);
    const service = createPersonalInfoService(database, () => rotated);
    const subject = { userId: null, username: 'system:cli', ip: null };
    expect(await service.rotate(subject)).toMatchObject({ projectResealed: 1, projectUnreadable: [] });
    const { rows } = await q('select phone_cipher from project_contacts where project_id = $1', [projectId]);
    const onlyNew = new PiKeyRing([newKey]);
    expect(openPhone(onlyNew, rows[0].phone_cipher, PROJECT_PHONE_CONTEXT)).toBe('13712345678');
    expect(() => openPhone(testKeyRing(), rows[0].phone_cipher, PROJECT_PHONE_CONTEXT)).toThrow(
      /unknown_key/,
    );
    expect(await service.rotate(subject)).toMatchObject({ projectResealed: 0 });
  });
});
