import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Migration } from 'kysely';
import { serialKey } from './engine.ts';

/** The database's history of shapes, applied in order at every open (Kysely's Migrator keeps track). */
export const migrations: Record<string, Migration> = {
  '0001-claims-stories-audit': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('stories')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('data', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createTable('claims')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('story', 'text', (column) => column.notNull())
        .addColumn('data', 'text', (column) => column.notNull())
        .addColumn('removed_at', 'text')
        .execute();
      await db.schema
        .createTable('audit')
        // Postgres has no AUTOINCREMENT keyword: its counter is the serial type.
        .addColumn('seq', ...serialKey(db))
        .addColumn('at', 'text', (column) => column.notNull())
        .addColumn('actor_id', 'text', (column) => column.notNull())
        .addColumn('actor_name', 'text', (column) => column.notNull())
        .addColumn('guild_id', 'text')
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('claim_id', 'text', (column) => column.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('reason', 'text')
        .execute();
      await db.schema.createIndex('audit_claim').on('audit').columns(['claim_id', 'seq']).execute();
    },
  },
  '0002-summaries': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('summaries')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('guild_id', 'text', (column) => column.notNull())
        .addColumn('channel_id', 'text', (column) => column.notNull())
        .addColumn('story', 'text', (column) => column.notNull())
        .addColumn('message_ids', 'text', (column) => column.notNull())
        .addColumn('hash', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
    },
  },
  '0003-requests': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('requests')
        .addColumn('id', ...serialKey(db))
        .addColumn('key', 'text', (column) => column.notNull())
        .addColumn('words', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('askers', 'integer', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addColumn('claim_id', 'text')
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('requests_open').on('requests').columns(['status', 'key']).execute();
      await db.schema
        .createTable('request_askers')
        .addColumn('request_id', 'integer', (column) => column.notNull())
        .addColumn('user_id', 'text', (column) => column.notNull())
        .addColumn('guild_id', 'text')
        .addColumn('channel_id', 'text')
        .addColumn('words', 'text', (column) => column.notNull())
        .addColumn('asked_at', 'text', (column) => column.notNull())
        .addColumn('notified_at', 'text')
        .addPrimaryKeyConstraint('request_askers_pk', ['request_id', 'user_id'])
        .execute();
      await db.schema
        .createTable('request_log')
        .addColumn('seq', ...serialKey(db))
        .addColumn('request_id', 'integer', (column) => column.notNull())
        .addColumn('at', 'text', (column) => column.notNull())
        .addColumn('actor_id', 'text', (column) => column.notNull())
        .addColumn('actor_name', 'text', (column) => column.notNull())
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('detail', 'text')
        .execute();
    },
  },
  '0004-instance': {
    // Which database this is, for what is kept outside it (the search index cache): a database made anew is another.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('instance')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .execute();
      await sql`insert into instance (id) values (${randomUUID()})`.execute(db);
    },
  },
};
