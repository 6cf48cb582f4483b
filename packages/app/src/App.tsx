import { createApp } from '@backstage/frontend-defaults';
import { portalCatalogPlugin } from './modules/catalog';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';
import { textModule } from './modules/text';

export default createApp({
  features: [
    portalCatalogPlugin,
    navModule,
    homeModule,
    signInModule,
    textModule,
  ],
});
