import { screen } from '@testing-library/react';
import { renderApp } from './__testUtils__/renderApp';

// The app reads its config once per module registry: the production case is in signInProduction.test.tsx.

// The first render of the whole app takes a while on a busy 2-core machine.
jest.setTimeout(60_000);

describe('the sign-in page', () => {
  it('offers ACCESS (OIDC) and the guest in development', async () => {
    renderApp({});
    expect(
      await screen.findByRole(
        'button',
        { name: 'Sign In' },
        { timeout: 45_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enter' })).toBeInTheDocument();
    expect(
      screen.getByText('Sign in with your ACCESS identity (OpenID Connect)'),
    ).toBeInTheDocument();
  });
});
