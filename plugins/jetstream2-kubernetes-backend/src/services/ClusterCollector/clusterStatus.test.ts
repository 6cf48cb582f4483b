import type {
  ClusterError,
  ControlPlaneCheck,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { clusterStatus, type StatusFacts } from './clusterStatus';

const forbidden: ClusterError = {
  reason: 'forbidden',
  message: 'The service account may not list secrets.',
};
const unreachable: ClusterError = {
  reason: 'unreachable',
  message: 'No answer from the API server.',
};
const unsupported: ClusterError = {
  reason: 'unknown',
  message: 'Cluster x uses auth provider "oidc".',
};
const synced = { synced: true };
const listing = { synced: false };
const refused = { synced: false, error: forbidden };

const healthy: StatusFacts = {
  informers: [synced, synced],
  version: 'v1.34.4',
  ready: true,
  checks: [],
};

describe('clusterStatus', () => {
  it('is ok when every type is in sync and the API server is ready', () => {
    expect(clusterStatus(healthy)).toEqual({ status: 'ok' });
  });

  it('is an error for an unsupported cluster before anything else', () => {
    expect(
      clusterStatus({ ...healthy, unsupported, healthError: unreachable }),
    ).toEqual({ status: 'error', error: unsupported });
  });

  it('is an error while the health poll fails, whatever the informers say', () => {
    expect(clusterStatus({ ...healthy, healthError: unreachable })).toEqual({
      status: 'error',
      error: unreachable,
    });
  });

  it('is an error when every type is refused', () => {
    expect(
      clusterStatus({ ...healthy, informers: [refused, refused] }),
    ).toEqual({ status: 'error', error: forbidden });
  });

  it('is pending while a type is still listing or the version is unknown', () => {
    expect(clusterStatus({ ...healthy, informers: [synced, listing] })).toEqual(
      { status: 'pending' },
    );
    expect(clusterStatus({ ...healthy, version: undefined })).toEqual({
      status: 'pending',
    });
  });

  it('is degraded with the first failure when some types are refused', () => {
    expect(
      clusterStatus({ ...healthy, informers: [synced, refused, refused] }),
    ).toEqual({ status: 'degraded', error: forbidden });
  });

  it('is degraded naming the failing readyz checks when the API server is not ready', () => {
    const checks: ControlPlaneCheck[] = [
      { name: 'etcd', endpoint: 'readyz', ok: false },
      { name: 'ping', endpoint: 'readyz', ok: true },
      { name: 'informer-sync', endpoint: 'readyz', ok: false },
      { name: 'etcd', endpoint: 'livez', ok: false },
    ];
    expect(clusterStatus({ ...healthy, ready: false, checks })).toEqual({
      status: 'degraded',
      error: {
        reason: 'unknown',
        message:
          'The API server is not ready: failing checks etcd, informer-sync.',
      },
    });
    expect(clusterStatus({ ...healthy, ready: false }).error?.message).toBe(
      'The API server is not ready: failing checks (none listed).',
    );
  });

  it('is ok when readiness is unknown (not yet polled) but the version is', () => {
    expect(clusterStatus({ ...healthy, ready: undefined })).toEqual({
      status: 'ok',
    });
  });
});
