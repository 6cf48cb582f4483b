import { credentialCheck, looksLikeSecret } from './credential';
import { runCheck } from './testing';
import { FAKE_SECRET } from '../../__testUtils__';

describe('credential check', () => {
  it('keeps a trimmed reference and an optional keypair', () => {
    expect(
      runCheck(credentialCheck, {
        applicationCredential: ' lab-cred ',
        keypair: '',
      }).facts,
    ).toEqual({ applicationCredential: 'lab-cred', keypair: undefined });
  });

  it('refuses a pasted secret without repeating it', () => {
    const { problems } = runCheck(credentialCheck, {
      applicationCredential: FAKE_SECRET,
    });
    expect(problems[0]).toMatch(/looks like a secret/);
    expect(problems.join()).not.toContain(FAKE_SECRET.slice(0, 12));
  });

  it.each([
    [{ applicationCredential: '' }, /"Application credential" is empty/],
    [
      { applicationCredential: '-bad' },
      /must be a name .* or a 32-character hex id/,
    ],
    [
      { keypair: 'my key' },
      /"SSH keypair name" "my key" is not a valid OpenStack keypair name/,
    ],
  ])('refuses %j', (change, message) => {
    const { problems } = runCheck(credentialCheck, change);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('tells ids from secrets', () => {
    expect(looksLikeSecret('0123456789abcdef0123456789abcdef')).toBe(false);
    expect(looksLikeSecret(FAKE_SECRET)).toBe(true);
  });
});
