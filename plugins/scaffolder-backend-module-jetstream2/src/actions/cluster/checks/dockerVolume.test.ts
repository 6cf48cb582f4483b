import { dockerVolumeCheck } from './dockerVolume';
import { runCheck } from './testing';

describe('docker volume check', () => {
  it.each([10, 100, 500])('accepts %p GB', size => {
    expect(runCheck(dockerVolumeCheck, { dockerVolumeSize: size })).toEqual({
      facts: { dockerVolumeSize: size },
      problems: [],
      warnings: [],
    });
  });

  it.each([9, 501, 20.5, -10])('refuses %p GB', size => {
    expect(
      runCheck(dockerVolumeCheck, { dockerVolumeSize: size }).problems[0],
    ).toMatch(/out of range: use a whole number from 10/);
  });
});
