// The frontend's one source of guides and concepts: the catalogue bundled from -common. It is static
// domain knowledge, so reading it needs no request and has no loading state. (The backend serves the same
// data from the same package to other clients and to the search collator.)
import {
  conceptCategories,
  concepts,
  conceptsForKind,
  getConcept,
  getGuide,
  searchGuides,
} from '@internal/plugin-jetstream2-kubernetes-common';

export {
  conceptCategories,
  concepts,
  conceptsForKind,
  getConcept,
  getGuide,
  searchGuides,
};

/** The title of a guide, or its id when the catalogue does not know it. */
export function guideTitle(id: string): string {
  return getGuide(id)?.title ?? id;
}

/** The name of a concept, or its id when the catalogue does not know it. */
export function conceptName(id: string): string {
  return getConcept(id)?.name ?? id;
}
