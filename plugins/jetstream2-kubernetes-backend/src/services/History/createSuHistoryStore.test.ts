import { mockServices } from '@backstage/backend-test-utils';
import { storeTestDatabases } from '../../__testUtils__/databases';
import { createSuHistoryStore } from './createSuHistoryStore';

jest.setTimeout(60_000);

const { databases, ids } = storeTestDatabases();
const HOUR = 3_600_000;
const t0 = Date.UTC(2026, 11, 7, 10);

describe('createSuHistoryStore', () => {
  it.each(ids)(
    'keeps one sample per subject and bucket, the mean of its measurements, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await createSuHistoryStore({
        database: mockServices.database({ knex }),
      });
      await store.addObservations(t0, [
        { cluster: 'js2-demo', suPerHour: 80 },
        {
          cluster: 'js2-demo',
          entityRef: 'component:default/jupyterhub',
          suPerHour: 3,
        },
      ]);
      // a second writer measuring the same bucket adds to the sample, it never writes a second row
      await store.addObservations(t0, [
        { cluster: 'js2-demo', suPerHour: 72 },
        {
          cluster: 'js2-demo',
          entityRef: 'component:default/jupyterhub',
          suPerHour: 5,
        },
      ]);
      await store.addObservations(t0 + HOUR, [
        { cluster: 'js2-demo', suPerHour: 64 },
        { cluster: 'other', suPerHour: 8 },
        {
          cluster: 'other',
          entityRef: 'component:default/jupyterhub',
          suPerHour: 1,
        },
      ]);
      const rows = await knex('su_samples').select();
      expect(rows).toHaveLength(5);

      expect(
        await store.readSamples({
          since: 0,
          clusters: ['js2-demo'],
          entityRefs: [],
        }),
      ).toEqual([
        { at: t0, cluster: 'js2-demo', suPerHour: 76 },
        {
          at: t0,
          cluster: 'js2-demo',
          entityRef: 'component:default/jupyterhub',
          suPerHour: 4,
        },
        { at: t0 + HOUR, cluster: 'js2-demo', suPerHour: 64 },
      ]);
      // a service is read wherever it ran; `since` leaves older buckets out
      expect(
        await store.readSamples({
          since: t0 + HOUR,
          clusters: [],
          entityRefs: ['component:default/jupyterhub'],
        }),
      ).toEqual([
        {
          at: t0 + HOUR,
          cluster: 'other',
          entityRef: 'component:default/jupyterhub',
          suPerHour: 1,
        },
      ]);
      expect(
        await store.readSamples({ since: 0, clusters: [], entityRefs: [] }),
      ).toEqual([]);

      expect(await store.prune(t0 + HOUR)).toBe(2);
      const [{ n }] = await knex('su_samples').count({ n: '*' });
      expect(Number(n)).toBe(3);
      expect(
        (
          await store.readSamples({
            since: 0,
            clusters: ['js2-demo', 'other'],
            entityRefs: [],
          })
        ).map(s => s.at),
      ).toEqual([t0 + HOUR, t0 + HOUR, t0 + HOUR]);
    },
  );

  it.each(ids)('writes many subjects at once, %p', async databaseId => {
    const knex = await databases.init(databaseId);
    const store = await createSuHistoryStore({
      database: mockServices.database({ knex }),
    });
    const many = Array.from({ length: 400 }, (_, i) => ({
      cluster: 'big',
      entityRef: `component:default/s${i}`,
      suPerHour: i,
    }));
    await store.addObservations(t0, many);
    await store.addObservations(t0, many);
    const samples = await store.readSamples({
      since: 0,
      clusters: ['big'],
      entityRefs: [],
    });
    expect(samples).toHaveLength(400);
    expect(
      samples.find(s => s.entityRef === 'component:default/s399')?.suPerHour,
    ).toBe(399);
  });
});
