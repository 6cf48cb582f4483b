// @ts-check

/**
 * SU burn history (one row per cluster or service, cluster and time bucket: the key makes a second writer
 * add to a sample, never duplicate it) and what owners were last told about a service or an allocation (so
 * nothing is sent twice across replicas or restarts).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('su_samples', table => {
    table.comment(
      'SU per hour measured per cluster (entity_ref empty: its nodes) or per service in a cluster, per time bucket',
    );
    table.string('cluster', 255).notNullable();
    table
      .string('entity_ref', 255)
      .notNullable()
      .defaultTo('')
      .comment(
        'Catalog entity ref of the service; empty for the whole cluster',
      );
    table
      .bigInteger('bucket_start')
      .notNullable()
      .comment('Epoch milliseconds of the start of the bucket');
    table
      .double('su_sum')
      .notNullable()
      .comment('Sum of the SU-per-hour measurements in the bucket');
    table
      .integer('observations')
      .notNullable()
      .comment('How many measurements su_sum adds up');
    table.bigInteger('updated_at').notNullable();
    table.primary(['cluster', 'entity_ref', 'bucket_start']);
    table.index(['bucket_start'], 'su_samples_bucket_start_idx');
  });
  await knex.schema.createTable('notice_states', table => {
    table.comment(
      'Per service or allocation: what its owners were last told, and what is observed now',
    );
    table
      .string('notice_key', 512)
      .primary()
      .notNullable()
      .comment('e.g. service-health:component:default/jupyterhub');
    table
      .string('observed', 32)
      .notNullable()
      .comment('The state seen at the last check');
    table.bigInteger('observed_since').notNullable();
    table
      .string('notified', 32)
      .nullable()
      .comment('The state owners were last told of; null: never told');
    table.bigInteger('notified_at').nullable();
    table
      .integer('version')
      .notNullable()
      .defaultTo(0)
      .comment(
        'Bumped by every claim to notify: two writers cannot claim the same change',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('notice_states');
  await knex.schema.dropTable('su_samples');
};
