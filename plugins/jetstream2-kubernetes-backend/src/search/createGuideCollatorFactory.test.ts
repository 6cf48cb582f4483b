import {
  guides,
  concepts,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { createGuideCollatorFactory } from './createGuideCollatorFactory';

describe('createGuideCollatorFactory', () => {
  it('collates every guide and concept with its portal location', async () => {
    const factory = createGuideCollatorFactory();
    expect(factory.type).toBe('jetstream2-kubernetes');
    const docs: any[] = [];
    for await (const doc of await factory.getCollator()) docs.push(doc);
    expect(docs).toHaveLength(guides.length + concepts.length);
    const magnum = docs.find(
      d => d.location === '/jetstream2-kubernetes/guides/k8s-magnum',
    );
    expect(magnum).toMatchObject({
      kind: 'guide',
      title: guides.find(g => g.id === 'k8s-magnum')!.title,
    });
    expect(magnum.text.length).toBeGreaterThan(20);
    const pod = docs.find(
      d => d.location === '/jetstream2-kubernetes/concepts/pod',
    );
    expect(pod).toMatchObject({ kind: 'concept' });
    expect(docs.every(d => d.title && d.text)).toBe(true);
  });
});
