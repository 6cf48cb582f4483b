import { ApiProvider } from '@backstage/core-app-api';
import {
  useApi,
  useApiHolder,
  type ApiHolder,
  type ApiRef,
} from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { kubernetesProxyApiRef } from '@backstage/plugin-kubernetes-react';
import type { ObjectEvent } from '@internal/plugin-jetstream2-kubernetes-common';
import { useMemo, type ReactNode } from 'react';
import { jetstream2KubernetesApiRef } from '../../api';
import { EntityKubernetesProxyApi } from './EntityKubernetesProxyApi';

/** The app's APIs, except one ref (matched by id, as the app's registry does) answered by `impl`. */
export function overrideApi<T>(
  parent: ApiHolder,
  ref: ApiRef<T>,
  impl: T,
): ApiHolder {
  return {
    get<U>(wanted: ApiRef<U>): U | undefined {
      return wanted.id === ref.id ? (impl as unknown as U) : parent.get(wanted);
    },
  };
}

/**
 * Upstream's pod components inside read pod logs (and pod events) through our backend for the current
 * entity instead of upstream's open Kubernetes proxy, which people without `kubernetes.proxy` may not
 * use. Every other API is the app's own.
 */
export const EntityKubernetesProxyApiProvider = ({
  events,
  children,
}: {
  /** All events of the entity's objects, which upstream's event lists show. */
  events: ObjectEvent[];
  children: ReactNode;
}) => {
  const { entity } = useEntity();
  const parent = useApiHolder();
  const api = useApi(jetstream2KubernetesApiRef);
  const { kind } = entity;
  const { namespace = 'default', name } = entity.metadata;
  const holder = useMemo(
    () =>
      overrideApi(
        parent,
        kubernetesProxyApiRef,
        new EntityKubernetesProxyApi({
          entity: { namespace, kind, name },
          api,
          events,
          fallback: () => parent.get(kubernetesProxyApiRef),
        }),
      ),
    [parent, api, namespace, kind, name, events],
  );
  return <ApiProvider apis={holder}>{children}</ApiProvider>;
};
