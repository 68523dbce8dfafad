/**
 * Least privilege in the database (GB/T 22239 8.1.4.2): the schema owner (the account in
 * DATABASE_URL, or the embedded cluster's bootstrap account) runs migrations, restores and audit
 * purges; the application's connections act as `yiyuan_app`, which may read and write business
 * tables but cannot change the schema, truncate anything, or change or delete audit rows.
 *
 * Roles are cluster-wide: `ensureAppRole` creates the role when it is missing and leaves an
 * existing one alone (another database on the same cluster may use it too). The grants are per
 * database and are re-applied after every migration run, so new tables are covered.
 */
import type pg from 'pg';

export const APP_ROLE = 'yiyuan_app';

/**
 * The grants of `yiyuan_app` in the current database (`yiyuan db grant --print` shows them for a
 * database administrator to run by hand). Idempotent; run by the schema owner.
 */
export const APP_GRANTS_SQL = `-- Yiyuan: privileges of the application role ${APP_ROLE} (run as the owner of the schema)
revoke create on schema public from public;
grant usage on schema public to ${APP_ROLE};
revoke all on all tables in schema public from ${APP_ROLE};
grant select, insert, update, delete on all tables in schema public to ${APP_ROLE};
-- The audit trail is append-only for the application: no UPDATE, DELETE or TRUNCATE.
revoke update, delete, truncate on audit_log from ${APP_ROLE};
-- Archives and purges of the audit trail are the owner's (yiyuan audit archive / purge).
revoke insert, update, delete on audit_archives from ${APP_ROLE};
revoke all on all sequences in schema public from ${APP_ROLE};
-- UPDATE lets bulk loads reserve ids (setval); not for the audit trail's ids.
grant usage, select, update on all sequences in schema public to ${APP_ROLE};
revoke update on sequence audit_log_id_seq from ${APP_ROLE};
grant usage on schema drizzle to ${APP_ROLE};
revoke all on all tables in schema drizzle from ${APP_ROLE};
grant select on all tables in schema drizzle to ${APP_ROLE};
`;

/** The SQL a database administrator runs once per cluster when the owner may not create roles. */
export const APP_ROLE_SQL = `-- Yiyuan: the application role (run once per cluster as a superuser or a role with CREATEROLE)
create role ${APP_ROLE} nologin nosuperuser nocreatedb nocreaterole noreplication;
-- Let the schema owner's connections act as the role (replace yiyuan_owner with the DATABASE_URL user):
grant ${APP_ROLE} to yiyuan_owner;
`;

export class DatabaseRoleError extends Error {}

/**
 * Creates `yiyuan_app` when missing (and gives it `password` as a login when one is given, for the
 * embedded cluster), lets the current user act as it, and applies the grants. Runs as the owner,
 * under the migration lock.
 */
export async function ensureAppRole(
  client: pg.ClientBase,
  options: { password?: string } = {},
): Promise<void> {
  const me = await client.query<{ superuser: boolean; createrole: boolean }>(
    'select rolsuper as superuser, rolcreaterole as createrole from pg_roles where rolname = current_user',
  );
  const { superuser = false, createrole = false } = me.rows[0] ?? {};
  const exists = async () =>
    ((await client.query('select 1 from pg_roles where rolname = $1', [APP_ROLE])).rowCount ?? 0) > 0;
  await client.query('begin');
  try {
    // Several processes (or databases of one cluster) may set up at once: one at a time.
    await client.query('select pg_advisory_xact_lock(727402)');
    if (!(await exists())) {
      if (!superuser && !createrole)
        throw new DatabaseRoleError(
          `The database role ${APP_ROLE} does not exist and the DATABASE_URL user may not create it. ` +
            'Ask a database administrator to run the SQL of `yiyuan db grant --print` once (see docs/security.md).',
        );
      await client.query(`create role ${APP_ROLE} nologin nosuperuser nocreatedb nocreaterole noreplication`);
    }
    if (options.password) {
      await client.query(`alter role ${APP_ROLE} login password ${client.escapeLiteral(options.password)}`);
    }
    if (!superuser) {
      const member = await client.query('select pg_has_role(current_user, $1, $2) as m', [
        APP_ROLE,
        'member',
      ]);
      if (!member.rows[0]?.m) await client.query(`grant ${APP_ROLE} to current_user`);
    }
    await client.query(APP_GRANTS_SQL);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
