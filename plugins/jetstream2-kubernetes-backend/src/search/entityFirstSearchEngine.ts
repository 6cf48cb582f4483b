import type {
  IndexableResult,
  IndexableResultSet,
  QueryRequestOptions,
  QueryTranslator,
  SearchEngine,
  SearchQuery,
} from '@backstage/plugin-search-common';

/** The catalog collator's document type. */
export const CATALOG_DOCUMENT_TYPE = 'software-catalog';

/** The most results one query ranks (the search API caps a page at 100). */
export const MAX_RANKED_RESULTS = 1000;

const words = (text: string) =>
  text
    .toLocaleLowerCase('en-US')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * True when every word of the term starts a word of the entity's title or name ("science api",
 * "science-api" and "api" all name the Science API; "scien" too, while typing). The name is the last
 * part of the document's location (/catalog/default/component/science-api).
 */
export function entityNameMatches(
  result: IndexableResult,
  term: string,
): boolean {
  if (result.type !== CATALOG_DOCUMENT_TYPE) return false;
  const wanted = words(term);
  if (wanted.length === 0) return false;
  const name = result.document.location.split('/').filter(Boolean).pop() ?? '';
  const have = [...words(result.document.title ?? ''), ...words(name)];
  return wanted.every(w => have.some(h => h.startsWith(w)));
}

/** The results with the catalog entities whose name matches the term first, each group in its order. */
export function rankEntitiesFirst(
  results: IndexableResult[],
  term: string,
): IndexableResult[] {
  const named = results.filter(r => entityNameMatches(r, term));
  return [...named, ...results.filter(r => !named.includes(r))];
}

function decodePage(cursor: string | undefined): number {
  const page = cursor
    ? Number(Buffer.from(cursor, 'base64').toString('utf-8'))
    : 0;
  return Number.isInteger(page) && page > 0 ? page : 0;
}

function encodePage(page: number): string {
  return Buffer.from(String(page), 'utf-8').toString('base64');
}

/**
 * A search engine that answers like the one it wraps, except that catalog entities whose name matches the
 * term come before every other result: searching "science api" lists the Science API component before the
 * "API server" concept, whose text repeats the word. The wrapped engine ranks each index on its own, so
 * its scores across document types do not compare; a name match is a stronger signal than any of them.
 * Pages are cut after ranking, with the same cursor form as the Lunr engine.
 */
export class EntityFirstSearchEngine implements SearchEngine {
  constructor(private readonly engine: SearchEngine) {}

  setTranslator(translator: QueryTranslator): void {
    this.engine.setTranslator(translator);
  }

  getIndexer(type: string) {
    return this.engine.getIndexer(type);
  }

  async query(
    query: SearchQuery,
    options?: QueryRequestOptions,
  ): Promise<IndexableResultSet> {
    const pageSize = query.pageLimit || 25;
    const page = decodePage(query.pageCursor);
    const all = await this.engine.query(
      { ...query, pageCursor: undefined, pageLimit: MAX_RANKED_RESULTS },
      options,
    );
    const ranked = rankEntitiesFirst(all.results, query.term);
    const offset = page * pageSize;
    return {
      results: ranked
        .slice(offset, offset + pageSize)
        .map((r, i) => ({ ...r, rank: offset + i + 1 })),
      numberOfResults: all.numberOfResults ?? ranked.length,
      nextPageCursor:
        ranked.length > offset + pageSize ? encodePage(page + 1) : undefined,
      previousPageCursor: page > 0 ? encodePage(page - 1) : undefined,
    };
  }
}
