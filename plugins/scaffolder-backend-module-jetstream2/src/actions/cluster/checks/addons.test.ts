import { addonsCheck } from './addons';
import { runCheck } from './testing';

describe('add-ons check', () => {
  it('keeps known add-ons once each', () => {
    expect(
      runCheck(addonsCheck, {
        addons: ['cert-manager', 'nvidia-device-plugin', 'cert-manager'],
      }),
    ).toEqual({
      facts: { addons: ['cert-manager', 'nvidia-device-plugin'] },
      problems: [],
      warnings: [],
    });
  });

  it('advises the device plugin for GPU workers, and only for them', () => {
    expect(runCheck(addonsCheck, { addons: [] }).warnings[0]).toMatch(
      /GPU workers need the NVIDIA device plugin/,
    );
    expect(
      runCheck(addonsCheck, { workerFlavor: 'm3.quad' }).warnings[0],
    ).toMatch(/does nothing without g3 workers/);
  });

  it('refuses unknown add-ons', () => {
    expect(runCheck(addonsCheck, { addons: ['istio'] }).problems).toEqual([
      expect.stringMatching(/"Add-ons to plan for": "istio" is unknown/),
    ]);
  });
});
