import { render, screen } from '@testing-library/react';
import App from './App';

// The first render of the whole app takes a while on a busy 2-core machine.
jest.setTimeout(60_000);

describe('App', () => {
  it('renders the guest sign-in page of the portal', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Jetstream2 Kubernetes Portal' },
            backend: { baseUrl: 'http://localhost:7007' },
            auth: { providers: { guest: {} } },
          },
          context: 'test',
        },
      ] as any,
    };

    render(App.createRoot());

    expect(
      await screen.findByRole('button', { name: 'Enter' }, { timeout: 10000 }),
    ).toBeInTheDocument();
  });
});
