import { mockServices } from '@backstage/backend-test-utils';
import {
  LunrSearchEngine,
  TestPipeline,
} from '@backstage/plugin-search-backend-node';
import type { SearchEngine } from '@backstage/plugin-search-common';
import { guideAndConceptDocuments } from './createGuideCollatorFactory';
import {
  EntityFirstSearchEngine,
  entityNameMatches,
} from './entityFirstSearchEngine';

// catalog documents shaped as the catalog collator writes them (title, text, location and entity fields)
const catalogDocuments = [
  [
    'Science API',
    'science-api',
    'Public HTTP API that serves processed observations and model results.',
  ],
  [
    'JupyterHub',
    'jupyterhub',
    'Multi-user Jupyter notebooks for courses and research groups.',
  ],
  [
    'Machine learning platform',
    'ml-platform',
    'Training and serving of models, with its API.',
  ],
  [
    'Science gateways',
    'science-gateways',
    'Runs JupyterHub, BinderHub and public science APIs.',
  ],
].map(([title, name, text]) => ({
  title,
  text,
  location: `/catalog/default/component/${name}`,
  kind: 'Component',
  namespace: 'default',
  lifecycle: 'production',
  owner: 'group:default/data-science',
}));

async function indexed(engine: SearchEngine) {
  await TestPipeline.fromIndexer(await engine.getIndexer('software-catalog'))
    .withDocuments(catalogDocuments)
    .execute();
  await TestPipeline.fromIndexer(
    await engine.getIndexer('jetstream2-kubernetes'),
  )
    .withDocuments(guideAndConceptDocuments())
    .execute();
  return engine;
}

const lunr = () => new LunrSearchEngine({ logger: mockServices.logger.mock() });
const titles = (results: { document: { title: string } }[]) =>
  results.map(r => r.document.title);

describe('EntityFirstSearchEngine', () => {
  it('ranks the entity whose name matches above the concepts that repeat the word', async () => {
    // Lunr alone puts the "API server" concept first: its text says "API" again and again
    const plain = await indexed(lunr());
    expect(
      titles((await plain.query({ term: 'science api' })).results)[0],
    ).toBe('API server');

    const engine = await indexed(new EntityFirstSearchEngine(lunr()));
    for (const term of ['science api', 'Science API', 'science-api', 'api']) {
      const { results } = await engine.query({ term });
      expect([term, titles(results)[0]]).toEqual([term, 'Science API']);
      expect(results[0]).toMatchObject({ type: 'software-catalog', rank: 1 });
    }
    // every result is still there, only the order changed
    const all = await plain.query({ term: 'api', pageLimit: 100 });
    const ranked = await engine.query({ term: 'api', pageLimit: 100 });
    expect(titles(ranked.results).sort()).toEqual(titles(all.results).sort());
  });

  it('cuts pages after ranking, with cursors', async () => {
    const engine = await indexed(new EntityFirstSearchEngine(lunr()));
    const first = await engine.query({ term: 'api', pageLimit: 2 });
    expect(first.results.map(r => r.rank)).toEqual([1, 2]);
    expect(titles(first.results)[0]).toBe('Science API');
    expect(first.previousPageCursor).toBeUndefined();
    const second = await engine.query({
      term: 'api',
      pageLimit: 2,
      pageCursor: first.nextPageCursor,
    });
    expect(second.results.map(r => r.rank)).toEqual([3, 4]);
    expect(second.previousPageCursor).toBeDefined();
    expect(titles(second.results)).not.toContain('Science API');
  });

  it('leaves a search for guides alone', async () => {
    const engine = await indexed(new EntityFirstSearchEngine(lunr()));
    const { results } = await engine.query({
      term: 'crash',
      types: ['jetstream2-kubernetes'],
    });
    expect(titles(results)[0]).toBe('Read logs and debug a crashing pod');
    expect(results.every(r => r.type === 'jetstream2-kubernetes')).toBe(true);
  });
});

describe('entityNameMatches', () => {
  const result = (type: string, title: string, location: string) => ({
    type,
    rank: 1,
    document: { title, text: '', location },
  });
  it('matches every word of the term against the title and the name', () => {
    const science = result(
      'software-catalog',
      'Science API',
      '/catalog/default/component/science-api',
    );
    expect(entityNameMatches(science, 'scien')).toBe(true);
    expect(entityNameMatches(science, 'api science')).toBe(true);
    expect(entityNameMatches(science, 'science server')).toBe(false);
    expect(entityNameMatches(science, '  ')).toBe(false);
    const concept = result(
      'jetstream2-kubernetes',
      'API server',
      '/jetstream2-kubernetes/concepts/api-server',
    );
    expect(entityNameMatches(concept, 'api')).toBe(false);
  });
});
