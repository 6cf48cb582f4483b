// @ts-check

/**
 * Last known cluster summaries and details (served with their age after a restart), and the lease that makes
 * one backend replica the collector.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cluster_snapshots', table => {
    table.comment(
      'The last summary and detail the collector made of each cluster',
    );
    table.string('cluster_name', 255).primary().notNullable();
    table.text('summary').notNullable().comment('ClusterSummary as JSON');
    table.text('detail').notNullable().comment('ClusterDetail as JSON');
    table
      .string('collected_at', 64)
      .nullable()
      .comment('ISO time of the collection');
    table
      .bigInteger('updated_at')
      .notNullable()
      .comment('Epoch milliseconds of the write');
  });
  await knex.schema.createTable('collector_leases', table => {
    table.comment('Which backend replica collects from the clusters');
    table.string('name', 255).primary().notNullable();
    table.string('holder', 255).notNullable();
    table.bigInteger('expires_at').notNullable().comment('Epoch milliseconds');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('collector_leases');
  await knex.schema.dropTable('cluster_snapshots');
};
