#!/usr/bin/env node
// A real OpenID Connect provider (the certified `oidc-provider` package) on a loopback port, standing in
// for ACCESS in development and in the end-to-end tests. Nothing secret is stored: the signing key and
// cookie keys are generated at each start, the client secret comes from the environment.
//
//   AUTH_OIDC_CLIENT_SECRET=$(openssl rand -hex 24) node scripts/oidc-dev-server.mjs
//
// Environment: AUTH_OIDC_CLIENT_SECRET (required), AUTH_OIDC_CLIENT_ID (default jetstream2-portal),
// OIDC_PORT (default 7019), OIDC_REDIRECT_URIS (comma-separated; default: the backend's
// /api/auth/oidc/handler/frame on :7007 and on the e2e port :7017).
//
// Sign-in uses oidc-provider's development interactions: a login form (the login is one of the user
// names below; the password is not checked: this server is for development and tests only) and a
// consent page.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

/** The identity provider's users. Avery and Blake are catalog Users (catalog/org.yaml); Sam is not. */
export const USERS = {
  avery: { email: 'avery@example.org', name: 'Avery Quinn' }, // platform-team
  blake: { email: 'blake@example.org', name: 'Blake Rivera' }, // data-science: a researcher
  sam: { email: 'sam@example.org', name: 'Sam Stranger' }, // not a user of the portal
};

const port = Number(process.env.OIDC_PORT ?? 7019);
const issuer = `http://127.0.0.1:${port}`;
const clientId = process.env.AUTH_OIDC_CLIENT_ID ?? 'jetstream2-portal';
const clientSecret = process.env.AUTH_OIDC_CLIENT_SECRET;
if (!clientSecret) {
  console.error(
    '[oidc] set AUTH_OIDC_CLIENT_SECRET (the same value the backend gets)',
  );
  process.exit(2);
}
const redirectUris = (
  process.env.OIDC_REDIRECT_URIS ??
  'http://localhost:7007/api/auth/oidc/handler/frame,http://localhost:7017/api/auth/oidc/handler/frame'
)
  .split(',')
  .map(uri => uri.trim())
  .filter(Boolean);

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = {
  ...privateKey.export({ format: 'jwk' }),
  use: 'sig',
  alg: 'RS256',
  kid: `dev-${randomBytes(4).toString('hex')}`,
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: redirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'preferred_username'],
  },
  features: { devInteractions: { enabled: true } },
  // Backstage keeps the session alive with the refresh token (its /api/auth/oidc/refresh), as with ACCESS.
  issueRefreshToken: async (_ctx, client) =>
    client.grantTypeAllowed('refresh_token'),
  async findAccount(_ctx, id) {
    const user = USERS[id];
    if (!user) return undefined;
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          email: user.email,
          email_verified: true,
          name: user.name,
          preferred_username: id,
        };
      },
    };
  },
});

const server = provider.listen(port, '127.0.0.1', () => {
  console.log(
    `[oidc] ${issuer} ready: users ${Object.keys(USERS).join(
      ', ',
    )}; client ${clientId}; redirect ${redirectUris.join(' ')}`,
  );
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
