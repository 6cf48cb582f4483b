import {
  getConcept,
  getGuide,
} from '@internal/plugin-jetstream2-kubernetes-common';

// Pure look-ups of names for ids that the backend returned: no request needed to show a title.

/** The title of a guide, or its id when the catalogue does not know it. */
export function guideTitle(id: string): string {
  return getGuide(id)?.title ?? id;
}

/** The name of a concept, or its id when the catalogue does not know it. */
export function conceptName(id: string): string {
  return getConcept(id)?.name ?? id;
}

export { getConcept, getGuide };
