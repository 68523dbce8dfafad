/**
 * PI minimisation (security checklist 29): every column that looks like personal information is
 * on this reviewed allow-list, with why it is kept and how it is protected. A new column whose
 * name looks personal (phone, mail, ID card, address, person, …) fails this test until it is
 * reviewed and added here; a column listed as sealed must be bytea (SM4 + HMAC-SM3), and no clear
 * column may sit next to it.
 */
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database';

type Treatment =
  /** SM4-CBC + HMAC-SM3 under the key outside the database; masked in responses. */
  | 'sealed'
  /** HMAC-SM3 keyed index of a sealed value (lookups); reveals nothing without the key. */
  | 'keyed-index'
  /** Kept in clear: needed for the purpose given, not sensitive PI under GB/T 35273. */
  | 'clear';

const ALLOWED: Record<string, { treatment: Treatment; why: string }> = {
  'audit_log.ip': { treatment: 'clear', why: 'audit evidence (MLPS 8.1.4.3 b)' },
  'audit_log.username': { treatment: 'clear', why: 'audit evidence: who acted' },
  'chain_leader_decisions.decided_by_name': { treatment: 'clear', why: 'accountability of a decision' },
  'chain_maps.created_by_name': { treatment: 'clear', why: 'who drafted a map version' },
  'chain_maps.published_by_name': { treatment: 'clear', why: 'accountability of publishing a map' },
  'chain_partner_links.created_by_name': { treatment: 'clear', why: 'who linked a partner' },
  'chain_placements.created_by_name': { treatment: 'clear', why: 'who placed an enterprise by hand' },
  'chain_targets.created_by_name': { treatment: 'clear', why: 'who entered an investment target' },
  'enterprise_contacts.name': { treatment: 'clear', why: 'whom the platform calls at the enterprise' },
  'enterprise_contacts.title': { treatment: 'clear', why: 'the contact’s role at the enterprise' },
  'enterprise_contacts.phone_cipher': { treatment: 'sealed', why: 'contact phone number (PIPL Art. 51)' },
  'enterprise_contacts.phone_index': { treatment: 'keyed-index', why: 'search and dedup by phone number' },
  'enterprises.address': { treatment: 'clear', why: 'registered address of a company, not of a person' },
  'mfa_challenges.ip': { treatment: 'clear', why: 'second-factor rate limit per address (short-lived)' },
  'users.one_time_password_used_ip': {
    treatment: 'clear',
    why: 'shown to the account holder: where a reset password was used',
  },
  'project_contacts.name': { treatment: 'clear', why: 'whom the platform calls about the project' },
  'project_contacts.title': { treatment: 'clear', why: 'the contact’s role at the investor' },
  'project_contacts.phone_cipher': { treatment: 'sealed', why: 'contact phone number (PIPL Art. 51)' },
  'project_contacts.phone_index': { treatment: 'keyed-index', why: 'search and dedup by phone number' },
  'project_stage_changes.submitted_by_name': { treatment: 'clear', why: 'who submitted a stage change' },
  'project_stage_changes.decided_by_name': { treatment: 'clear', why: 'accountability of a decision' },
  'import_jobs.username': { treatment: 'clear', why: 'who imported (audit)' },
  'platform_year_stats.entered_by_name': { treatment: 'clear', why: 'who entered the figures' },
  'requests.raised_by_name': {
    treatment: 'clear',
    why: 'who raised the request: accountability of the loop',
  },
  'sessions.ip': { treatment: 'clear', why: 'session security (shown to the account holder)' },
  'sessions.user_agent': { treatment: 'clear', why: 'session security' },
  'users.display_name': { treatment: 'clear', why: 'staff account name' },
  'users.totp_secret_sealed': { treatment: 'sealed', why: 'second-factor secret (a credential)' },
  'users.totp_pending_secret_sealed': { treatment: 'sealed', why: 'second-factor secret being set up' },
  'users.username': { treatment: 'clear', why: 'login name' },
  'webhooks.secret_cipher': { treatment: 'sealed', why: 'group robot signing secret (a credential)' },
};

/** Column names that suggest personal information. */
const LOOKS_PERSONAL =
  /phone|mobile|^tel|_tel|telephone|e_?mail|id_?card|id_?no|id_?number|identity|passport|birth|gender|^sex|person|bank|wechat|weixin|^qq|address|display_name|username|_by_name|contact|^ip$|_ip$|user_agent|legal_rep|home|salary|secret/;
/** Tables whose rows describe a person: each of their data columns is reviewed. */
const PERSON_TABLES = new Set(['enterprise_contacts', 'project_contacts']);
const KEYS = /^id$|_id$|_at$/;

describe('personal-information columns', () => {
  it('every personal-looking column is on the reviewed allow-list, and sealed ones are bytea', async () => {
    const database = await testDatabase();
    const { rows } = await database.pool.query<{ t: string; c: string; type: string }>(
      `select table_name as t, column_name as c, data_type as type from information_schema.columns
        where table_schema = current_schema() order by 1, 2`,
    );
    const found = rows.filter((r) => !KEYS.test(r.c) && (LOOKS_PERSONAL.test(r.c) || PERSON_TABLES.has(r.t)));
    expect(found.map((r) => `${r.t}.${r.c}`).sort()).toEqual(Object.keys(ALLOWED).sort());
    for (const r of found) {
      const { treatment } = ALLOWED[`${r.t}.${r.c}`]!;
      if (treatment !== 'clear') expect(r.type, `${r.t}.${r.c}`).toBe('bytea');
    }
    // No clear twin of a sealed column (e.g. enterprise_contacts.phone next to phone_cipher).
    for (const [column, { treatment }] of Object.entries(ALLOWED)) {
      if (treatment !== 'sealed') continue;
      const twin = column.replace(/_(cipher|sealed)$/, '');
      expect(rows.some((r) => `${r.t}.${r.c}` === twin || `${r.t}.${r.c}` === `${twin}_clear_pending`)).toBe(
        false,
      );
    }
  });
});
