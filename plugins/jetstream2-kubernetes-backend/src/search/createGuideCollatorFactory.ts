import type {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import {
  concepts,
  guides,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { Readable } from 'node:stream';

/** A search document for a guide or a concept. */
export interface Jetstream2KubernetesDocument extends IndexableDocument {
  kind: 'guide' | 'concept';
}

export const JETSTREAM2_KUBERNETES_DOCUMENT_TYPE = 'jetstream2-kubernetes';

/** Every guide and concept as search documents. */
export function guideAndConceptDocuments(): Jetstream2KubernetesDocument[] {
  return [
    ...guides.map(g => ({
      kind: 'guide' as const,
      title: g.title,
      text: [
        g.summary,
        g.purpose,
        `Steps: ${g.steps.join(', ')}.`,
        `Tools: ${g.tools.join(', ')}.`,
      ].join(' '),
      location: `/jetstream2-kubernetes/guides/${g.id}`,
    })),
    ...concepts.map(c => ({
      kind: 'concept' as const,
      title: c.name,
      text: `${c.summary} ${c.description}`,
      location: `/jetstream2-kubernetes/concepts/${c.id}`,
    })),
  ];
}

/** The collator factory the search plugin calls on its schedule. */
export function createGuideCollatorFactory(): DocumentCollatorFactory {
  return {
    type: JETSTREAM2_KUBERNETES_DOCUMENT_TYPE,
    async getCollator() {
      return Readable.from(guideAndConceptDocuments());
    },
  };
}
