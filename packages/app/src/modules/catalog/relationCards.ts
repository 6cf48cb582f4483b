/** The few entity fields the relation cards' filters read. */
export interface EntityWithRelations {
  kind: string;
  relations?: { type: string; targetRef: string }[];
}

/**
 * The catalog's relation cards: which entity kind each shows on, and the relation it lists (its type and
 * the kind at the other end), as upstream's cards read them.
 */
export const RELATION_CARDS = {
  'entity-card:catalog/depends-on-components': [
    'component',
    'dependsOn',
    'component',
  ],
  'entity-card:catalog/depends-on-resources': [
    'component',
    'dependsOn',
    'resource',
  ],
  'entity-card:catalog/has-subcomponents': [
    'component',
    'hasPart',
    'component',
  ],
  'entity-card:catalog/has-components': ['system', 'hasPart', 'component'],
  'entity-card:catalog/has-resources': ['system', 'hasPart', 'resource'],
  'entity-card:catalog/has-subdomains': ['domain', 'hasPart', 'domain'],
  'entity-card:catalog/has-systems': ['domain', 'hasPart', 'system'],
} as const;

export type RelationCardId = keyof typeof RELATION_CARDS;

/**
 * The filter of a relation card: shown for its kind of entity only when the entity has at least one such
 * relation, so that the overview holds no empty "No component is a dependency of this component" cards.
 */
export function relationCardFilter(id: RelationCardId) {
  const [kind, type, targetKind] = RELATION_CARDS[id];
  return (entity: EntityWithRelations): boolean =>
    entity.kind.toLocaleLowerCase('en-US') === kind &&
    (entity.relations ?? []).some(
      r =>
        r.type === type &&
        r.targetRef.toLocaleLowerCase('en-US').startsWith(`${targetKind}:`),
    );
}
