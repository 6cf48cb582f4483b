import { checkApiServerUrl } from './clusterSpec';

describe('checkApiServerUrl', () => {
  it('accepts an http(s) URL and returns it without surrounding blanks or trailing slashes', () => {
    expect(checkApiServerUrl('https://127.0.0.1:6443/')).toEqual({
      url: 'https://127.0.0.1:6443',
    });
    expect(checkApiServerUrl(' https://k8s.example.org//  ')).toEqual({
      url: 'https://k8s.example.org',
    });
    expect(checkApiServerUrl('http://localhost:8001/prefix')).toEqual({
      url: 'http://localhost:8001/prefix',
    });
  });

  it('refuses a value that is not a URL, or not an http(s) one', () => {
    expect(checkApiServerUrl('not a url')).toEqual({
      reason: 'is not a valid URL',
    });
    // a forgotten scheme: "k8s.example.org:" parses as the scheme
    expect(checkApiServerUrl('k8s.example.org:6443')).toEqual({
      reason: 'must use https (or http)',
    });
    expect(checkApiServerUrl('ftp://k8s.example.org')).toEqual({
      reason: 'must use https (or http)',
    });
  });

  it('refuses credentials in the URL without repeating them', () => {
    for (const value of [
      'https://user:hunter2@host.example.org',
      'https://hunter2@host.example.org',
    ]) {
      const result = checkApiServerUrl(value);
      expect(result).toEqual({
        reason: 'must not contain a user name or password',
      });
      expect(JSON.stringify(result)).not.toContain('hunter2');
    }
  });
});
