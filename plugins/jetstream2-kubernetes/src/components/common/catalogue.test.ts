import { conceptName, getGuide, guideTitle } from './catalogue';

// The look-ups themselves (getGuide, searchGuides, ...) are tested in -common, beside the data.
describe('catalogue', () => {
  it('names guides and concepts by their catalogue titles', () => {
    expect(guideTitle('k8s-magnum')).toBe(getGuide('k8s-magnum')?.title);
    expect(guideTitle('k8s-magnum')).toMatch(/Magnum/);
    expect(conceptName('etcd')).toBe('etcd (cluster store)');
  });

  it('falls back to the id for ids the catalogue does not know', () => {
    expect(guideTitle('no-such-guide')).toBe('no-such-guide');
    expect(conceptName('no-such-concept')).toBe('no-such-concept');
  });
});
