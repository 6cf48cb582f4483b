import { screen } from '@testing-library/react';
import { renderApp } from './__testUtils__/renderApp';

// The app reads its config once per module registry, hence a file of its own (see signIn.test.tsx).

// The first render of the whole app takes a while on a busy 2-core machine.
jest.setTimeout(60_000);

describe('the sign-in page in production', () => {
  it('offers only ACCESS when auth.environment is production', async () => {
    renderApp({ environment: 'production' });
    expect(
      await screen.findByRole(
        'button',
        { name: 'Sign In' },
        { timeout: 45_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Enter' })).toBeNull();
  });
});
