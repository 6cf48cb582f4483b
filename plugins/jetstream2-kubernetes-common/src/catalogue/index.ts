// The guide and concept catalogue: data in guides.ts and concepts.ts, pure look-ups here.
import type { Concept, ConceptCategory, Guide, GuideSource } from '../types';
import { conceptTable } from './concepts';
import { guides } from './guides';

export type { ConceptId } from './concepts';
export { guides, type GuideId } from './guides';

/** Every source a guide can come from, for checking a source a client asks for. */
export const GUIDE_SOURCES = [
  'jetstream2-docs',
  'zonca.dev',
  'kubernetes.io',
] as const satisfies readonly GuideSource[];

/** Ids of the guides that list a concept, in catalogue order. */
function guideIdsOf(conceptId: string): string[] {
  return guides
    .filter(guide => guide.concepts.includes(conceptId))
    .map(guide => guide.id);
}

/**
 * The concepts, in catalogue order. Each one's `guides` is derived once from the guides' `concepts` lists,
 * so the link is written in one place.
 */
export const concepts: Concept[] = conceptTable.map(concept => ({
  ...concept,
  kinds: [...concept.kinds],
  guides: guideIdsOf(concept.id),
  related: [...concept.related],
}));

/** A concept category with the label the portal shows for it. */
export interface ConceptCategoryInfo {
  id: ConceptCategory;
  label: string;
}

/** Every concept category, in display order: what users deploy first, the cluster's insides last. */
export const conceptCategories: ConceptCategoryInfo[] = [
  { id: 'workload', label: 'Workloads' },
  { id: 'networking', label: 'Networking' },
  { id: 'storage', label: 'Storage' },
  { id: 'configuration', label: 'Configuration' },
  { id: 'scaling', label: 'Scaling' },
  { id: 'packaging', label: 'Packaging' },
  { id: 'node', label: 'Nodes' },
  { id: 'control-plane', label: 'Control plane' },
  { id: 'cluster', label: 'Cluster' },
];

/** The guide with this id, if any. */
export function getGuide(id: string): Guide | undefined {
  return guides.find(guide => guide.id === id);
}

/** The concept with this id, if any. */
export function getConcept(id: string): Concept | undefined {
  return concepts.find(concept => concept.id === id);
}

/** Concepts that describe a Kubernetes kind, matched exactly ("Pod", not "pod"). */
export function conceptsForKind(kind: string): Concept[] {
  return concepts.filter(concept => concept.kinds.includes(kind));
}

/** Guides that teach or use a concept, in catalogue order. */
export function guidesForConcept(conceptId: string): Guide[] {
  return guides.filter(guide => guide.concepts.includes(conceptId));
}

/** Filters for {@link searchGuides}; all given filters must match. */
export interface GuideQuery {
  /** Case-insensitive words looked up in title, summary, purpose, tools and steps; all must occur. */
  text?: string;
  conceptId?: string;
  source?: GuideSource;
}

function searchableText(guide: Guide): string {
  return [
    guide.title,
    guide.summary,
    guide.purpose,
    ...guide.tools,
    ...guide.steps,
  ]
    .join('\n')
    .toLocaleLowerCase('en');
}

/** Guides matching every given filter, in catalogue order; no filters returns every guide. */
export function searchGuides(query: GuideQuery): Guide[] {
  const words = (query.text ?? '')
    .toLocaleLowerCase('en')
    .split(/\s+/)
    .filter(word => word.length > 0);
  return guides.filter(guide => {
    if (query.source !== undefined && guide.source !== query.source) {
      return false;
    }
    if (
      query.conceptId !== undefined &&
      !guide.concepts.includes(query.conceptId)
    ) {
      return false;
    }
    if (words.length > 0) {
      const haystack = searchableText(guide);
      return words.every(word => haystack.includes(word));
    }
    return true;
  });
}
