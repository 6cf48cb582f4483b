// @ts-check

/**
 * The replica that writes cluster summaries is now chosen by Backstage's scheduler (a global task), which
 * keeps its own table: our lease table goes.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.dropTableIfExists('collector_leases');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.createTable('collector_leases', table => {
    table.comment('Which backend replica collects from the clusters');
    table.string('name', 255).primary().notNullable();
    table.string('holder', 255).notNullable();
    table.bigInteger('expires_at').notNullable().comment('Epoch milliseconds');
  });
};
