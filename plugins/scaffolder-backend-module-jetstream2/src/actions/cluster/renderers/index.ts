import type { ClusterMethod } from '../request';
import { cacaoRenderer } from './cacao';
import { kubesprayRenderer } from './kubespray';
import { magnumRenderer } from './magnum';
import type { MethodRenderer } from './types';

export type { MethodRenderer, RenderedFile } from './types';
export { GENERATED } from './types';
export { renderMagnumScript, renderMainTf } from './magnum';
export { renderKubesprayTfvars, renderKubespraySteps } from './kubespray';
export { renderCacaoSteps } from './cacao';

/** One renderer per way of creating a cluster; a new method fails tsc until it has one. */
export const methodRenderers: Readonly<Record<ClusterMethod, MethodRenderer>> =
  {
    magnum: magnumRenderer,
    kubespray: kubesprayRenderer,
    cacao: cacaoRenderer,
  };
