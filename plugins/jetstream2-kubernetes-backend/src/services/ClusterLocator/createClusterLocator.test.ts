import { promises as fs } from 'node:fs';
import { readConfigClusters } from './readConfigClusters';
import {
  byName,
  configCluster,
  kubernetesConfig,
  tokenFileCluster,
  useLocators,
  useTempDir,
  waitFor,
} from '../../__testUtils__/locator';

// The wiring: config subscription, credential file checks, subscribers and log lines (catalog refreshes are in
// createClusterLocator.catalog.test.ts). What each source yields, and the wording of its refusals, is tested
// beside the readers and the resolver.

describe('createClusterLocator', () => {
  const { locate } = useLocators();
  const temp = useTempDir();

  describe('config clusters', () => {
    it('reads config clusters like the upstream plugin and skips other locators', async () => {
      const { locator, lines } = locate({
        kubernetes: {
          clusterLocatorMethods: [
            { type: 'gke', projectId: 'p' },
            {
              type: 'config',
              clusters: [
                {
                  name: 'js2-demo',
                  title: 'Demo',
                  url: 'https://127.0.0.1:6443/',
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 'tok',
                  caData: 'Q0E=',
                  dashboardUrl: 'https://dash',
                },
                { name: 'js2-demo', url: 'https://other' },
                {
                  name: 'insecure',
                  url: 'https://x',
                  skipTLSVerify: true,
                  caData: 'Q0E=',
                },
              ],
            },
          ],
        },
      });
      const clusters = await locator.getClusters();
      expect(clusters).toEqual([
        {
          name: 'js2-demo',
          title: 'Demo',
          url: 'https://127.0.0.1:6443',
          authProvider: 'serviceAccount',
          serviceAccountToken: 'tok',
          caData: 'Q0E=',
          skipTLSVerify: false,
          dashboardUrl: 'https://dash',
          source: 'config',
          fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
        },
        {
          name: 'insecure',
          url: 'https://x',
          authProvider: 'serviceAccount',
          caData: 'Q0E=',
          skipTLSVerify: true,
          source: 'config',
          fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
        },
      ]);
      expect(clusters[0].fingerprint).not.toEqual(clusters[1].fingerprint);
      const logged = lines();
      expect(
        logged.filter(l => l.includes('"js2-demo" is defined twice')),
      ).toHaveLength(1);
      expect(logged.filter(l => l.includes('"gke"'))).toHaveLength(1);
      // a second read logs nothing new
      await locator.getClusters();
      expect(lines()).toHaveLength(logged.length);
    });

    it('returns no clusters when none are configured', async () => {
      const { locator } = locate({});
      await expect(locator.getClusters()).resolves.toEqual([]);
    });

    it('logs each refused entry once as a warning, without its secrets, and keeps the others', async () => {
      const { config, names, warnings, lines } = locate(
        kubernetesConfig([
          configCluster('good'),
          { url: 'https://nameless' },
          { name: 'no-url', serviceAccountToken: 'secret-no-url' },
          configCluster('creds-in-url', {
            url: 'https://user:hunter2@host.example.org',
          }),
          configCluster('also-good'),
        ]),
      );
      expect(await names()).toEqual(['good', 'also-good']);
      // the reader's problems (worded as readConfigClusters.test.ts checks), one line each, in order
      expect(warnings()).toHaveLength(3);
      expect(warnings()).toEqual(readConfigClusters(config).problems);
      expect(lines().length).toBeGreaterThan(0);
      for (const line of lines()) {
        expect(line).not.toMatch(/hunter2|token-of-|secret-no-url/);
      }
    });

    it('survives a locator list of the wrong shape and refuses two token sources', async () => {
      const { config, locator, logger, names } = locate({
        kubernetes: { clusterLocatorMethods: 'config' },
      });
      await expect(locator.getClusters()).resolves.toEqual([]);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('kubernetes.clusterLocatorMethods is ignored'),
      );

      config.update({
        data: kubernetesConfig([
          configCluster('both', { serviceAccountTokenFile: '/run/token' }),
          configCluster('fine'),
        ]),
      });
      await waitFor('the cluster "fine" after the fix', async () =>
        (await names()).includes('fine'),
      );
      expect(await names()).toEqual(['fine']);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          '("both") sets both serviceAccountToken and serviceAccountTokenFile; set one',
        ),
      );
    });

    it('follows config changes while running: added, changed and removed clusters', async () => {
      const { config, locator, logger, listener, notifiedBy, names } = locate(
        kubernetesConfig([configCluster('a'), configCluster('b')]),
      );
      const first = byName(await locator.getClusters());
      expect(Object.keys(first)).toEqual(['a', 'b']);

      // b's token changes, c is added
      await notifiedBy('the listener after adding c', () =>
        config.update({
          data: kubernetesConfig([
            configCluster('a'),
            configCluster('b', { serviceAccountToken: 'rotated' }),
            configCluster('c'),
          ]),
        }),
      );
      const second = byName(await locator.getClusters());
      expect(Object.keys(second)).toEqual(['a', 'b', 'c']);
      expect(second.a.fingerprint).toBe(first.a.fingerprint);
      expect(second.b.fingerprint).not.toBe(first.b.fingerprint);
      expect(second.b.serviceAccountToken).toBe('rotated');

      // a title change is heard about but keeps the connection's fingerprint
      await notifiedBy('the listener after removing b', () =>
        config.update({
          data: kubernetesConfig([
            configCluster('a', { title: 'Cluster A' }),
            configCluster('c'),
          ]),
        }),
      );
      const third = byName(await locator.getClusters());
      expect(Object.keys(third)).toEqual(['a', 'c']);
      expect(third.a).toMatchObject({
        title: 'Cluster A',
        fingerprint: first.a.fingerprint,
      });

      // a reload that changes nothing relevant is not announced
      listener.mockClear();
      config.update({
        data: {
          ...kubernetesConfig([
            configCluster('a', { title: 'Cluster A' }),
            configCluster('c'),
          ]),
          app: { title: 'unrelated' },
        },
      });
      // a malformed entry added at runtime is refused; the others stay
      config.update({
        data: kubernetesConfig([
          configCluster('a', { title: 'Cluster A' }),
          configCluster('c'),
          { name: 'broken' },
        ]),
      });
      await waitFor('the refusal of "broken"', () =>
        logger.warn.mock.calls.some(c =>
          String(c[0]).includes('("broken") has no url'),
        ),
      );
      expect(await names()).toEqual(['a', 'c']);
      expect(listener).not.toHaveBeenCalled();
    });
  });

  describe('subscribers', () => {
    it('are told of a change to a displayed field alone, which keeps the fingerprint', async () => {
      const { config, locator, notifiedBy } = locate(
        kubernetesConfig([configCluster('a')]),
      );
      const [before] = await locator.getClusters();
      // one field more each time, so that only that field differs from the last announcement
      let fields = {};
      for (const displayed of [
        { title: 'Cluster A' },
        { dashboardUrl: 'https://dash/a' },
        { dashboardApp: 'standard' },
        { dashboardParameters: { project: 'p' } },
        { skipMetricsLookup: true },
      ]) {
        fields = { ...fields, ...displayed };
        const data = kubernetesConfig([configCluster('a', fields)]);
        await notifiedBy(`the listener after ${Object.keys(displayed)}`, () =>
          config.update({ data }),
        );
        const [after] = await locator.getClusters();
        expect(after).toMatchObject(fields);
        expect(after.fingerprint).toBe(before.fingerprint);
      }
    });

    it('keeps telling the other subscribers when one throws, and stops telling one that unsubscribed', async () => {
      const { config, locator, logger, notifiedBy, names } = locate(
        kubernetesConfig([configCluster('a')]),
      );
      const failing = jest.fn(() => {
        throw new Error('subscriber bug');
      });
      locator.subscribe(failing);
      const later = jest.fn();
      locator.subscribe(later);
      const leaving = jest.fn();
      locator.subscribe(leaving).unsubscribe();
      await locator.getClusters();
      [failing, later].forEach(fn => fn.mockClear());

      await notifiedBy('the first subscriber', () =>
        config.update({
          data: kubernetesConfig([configCluster('a'), configCluster('b')]),
        }),
      );
      await waitFor(
        'the subscriber after the failing one',
        () => later.mock.calls.length > 0,
      );
      expect(failing).toHaveBeenCalled();
      expect(leaving).not.toHaveBeenCalled();
      expect(logger.warn).toHaveBeenCalledWith(
        'A cluster locator listener failed: subscriber bug',
      );
      expect(await names()).toEqual(['a', 'b']);
    });
  });

  describe('credential files', () => {
    it('re-reads a token file when it is rewritten, without logging it', async () => {
      const tokenFile = await temp.write('token', 'first-token\n');
      const caFile = await temp.write('ca.crt', 'CA ONE');
      const notYet = await temp.path('not-yet');
      const { locator, logger, listener, notifiedBy, names, lines } = locate(
        kubernetesConfig([
          tokenFileCluster('files', tokenFile, { caData: undefined, caFile }),
          tokenFileCluster('missing', notYet),
        ]),
        { credentialFileCheckMs: 30 },
      );
      const [before] = await locator.getClusters();
      expect(before).toMatchObject({
        name: 'files',
        serviceAccountToken: 'first-token',
        caFile,
      });
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('Cluster "missing"'),
      );
      expect(String(logger.warn.mock.calls[0][0])).toContain(
        'cannot read its serviceAccountTokenFile (ENOENT)',
      );

      await notifiedBy('the listener after the token file changed', () =>
        fs.writeFile(tokenFile, 'second-token-longer\n'),
      );
      const [afterToken] = await locator.getClusters();
      expect(afterToken.serviceAccountToken).toBe('second-token-longer');
      expect(afterToken.fingerprint).not.toBe(before.fingerprint);

      await notifiedBy('the listener after the CA file changed', () =>
        fs.writeFile(caFile, 'CA TWO, longer'),
      );
      const [afterCa] = await locator.getClusters();
      expect(afterCa.fingerprint).not.toBe(afterToken.fingerprint);

      // the file that was missing appears: its cluster is added
      listener.mockClear();
      await fs.writeFile(notYet, 'late-token');
      await waitFor('the cluster whose token file appeared', async () =>
        (await names()).includes('missing'),
      );
      expect(listener).toHaveBeenCalled();

      expect(lines().length).toBeGreaterThan(0);
      for (const line of lines()) {
        expect(line).not.toMatch(/first-token|second-token|late-token/);
      }
    });

    it('refuses a cluster whose token file disappears, and takes it back when the file returns', async () => {
      const tokenFile = await temp.write('token', 'kept-token');
      const { locator, notifiedBy, names, warnings, lines } = locate(
        kubernetesConfig([
          tokenFileCluster('files', tokenFile),
          configCluster('other'),
        ]),
        { credentialFileCheckMs: 20 },
      );
      const [before] = await locator.getClusters();
      expect(before.name).toBe('files');

      await notifiedBy('the listener after the token file disappeared', () =>
        fs.rm(tokenFile),
      );
      expect(await names()).toEqual(['other']);
      expect(warnings()).toEqual([
        expect.stringContaining(
          'Cluster "files" (kubernetes.clusterLocatorMethods[0].clusters[0] ("files")) refused: cannot read its serviceAccountTokenFile (ENOENT)',
        ),
      ]);

      await notifiedBy('the listener after the token file came back', () =>
        fs.writeFile(tokenFile, 'kept-token'),
      );
      expect(byName(await locator.getClusters()).files).toMatchObject({
        serviceAccountToken: 'kept-token',
        fingerprint: before.fingerprint,
      });
      expect(lines().length).toBeGreaterThan(0);
      for (const line of lines()) {
        expect(line).not.toContain('kept-token');
      }
    });

    it('stops checking files after stop()', async () => {
      const tokenFile = await temp.write('token', 'one');
      const { config, locator, listener } = locate(
        kubernetesConfig([tokenFileCluster('f', tokenFile)]),
        { credentialFileCheckMs: 20 },
      );
      await locator.getClusters();
      listener.mockClear();
      locator.stop();
      await fs.writeFile(tokenFile, 'two, longer');
      config.update({ data: kubernetesConfig([]) });
      await new Promise(r => setTimeout(r, 200));
      expect(listener).not.toHaveBeenCalled();
      expect((await locator.getClusters())[0].serviceAccountToken).toBe('one');
    });
  });
});
