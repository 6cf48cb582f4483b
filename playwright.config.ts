import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';

// The OIDC client shared by the portal and the OIDC server below: generated per run, never written down.
// Both web servers inherit this process's environment.
process.env.AUTH_OIDC_CLIENT_ID ??= 'jetstream2-portal-e2e';
process.env.AUTH_OIDC_CLIENT_SECRET ??= randomBytes(24).toString('hex');
process.env.AUTH_SESSION_SECRET ??= randomBytes(24).toString('hex');

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
      url: 'http://127.0.0.1:7019/.well-known/openid-configuration',
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        OIDC_PORT: '7019',
        OIDC_REDIRECT_URIS: 'http://localhost:7017/api/auth/oidc/handler/frame',
      },
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: 'bash scripts/e2e-server.sh',
      url: 'http://localhost:7017/.backstage/health/v1/readiness',
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
  use: {
    baseURL: 'http://localhost:7017',
    viewport: { width: 1280, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
});
