import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';

// The OIDC client shared by the portal and the OIDC server below: generated per run, never written down.
// Both web servers inherit this process's environment.
process.env.AUTH_OIDC_CLIENT_ID ??= 'jetstream2-portal-e2e';
process.env.AUTH_OIDC_CLIENT_SECRET ??= randomBytes(24).toString('hex');
process.env.AUTH_SESSION_SECRET ??= randomBytes(24).toString('hex');

// The ports of this run: E2E_PORT (the portal, default 7017) and E2E_OIDC_PORT (the OpenID provider,
// default 7019), so that two runs can go side by side; scripts/e2e-server.sh reads the same variables.
process.env.E2E_PORT ??= '7017';
process.env.E2E_OIDC_PORT ??= '7019';
const portalUrl = `http://localhost:${process.env.E2E_PORT}`;
const oidcPort = process.env.E2E_OIDC_PORT;

/**
 * End-to-end tests in Debian's Chromium (/usr/bin/chromium; `npm test` installs it).
 * The portal is started here on its own port, never reused from whatever else may be listening.
 */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['json', { outputFile: 'test-results/playwright.json' }],
  ],
  outputDir: 'test-results/playwright',
  webServer: [
    {
      // A real OpenID Connect provider with two portal users and one stranger (e2e/auth.spec.ts).
      command: 'node scripts/oidc-dev-server.mjs',
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        OIDC_PORT: oidcPort,
        OIDC_REDIRECT_URIS: `${portalUrl}/api/auth/oidc/handler/frame`,
      },
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: 'bash scripts/e2e-server.sh',
      url: `${portalUrl}/.backstage/health/v1/readiness`,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
  use: {
    baseURL: portalUrl,
    viewport: { width: 1280, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
});
