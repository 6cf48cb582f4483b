import { render } from '@testing-library/react';
import App from '../../../App';

/**
 * Renders the whole app with the given `auth` config. The app reads its config once per module registry,
 * so each config needs a test file of its own.
 */
export function renderApp(auth: object) {
  process.env = {
    NODE_ENV: 'test',
    APP_CONFIG: [
      {
        data: {
          app: { title: 'Jetstream2 Kubernetes Portal' },
          backend: { baseUrl: 'http://localhost:7007' },
          auth,
        },
        context: 'test',
      },
    ] as any,
  };
  render(App.createRoot());
}
