import type { KubeObject } from '@internal/plugin-jetstream2-kubernetes-common';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Environment variable names whose literal values are treated as secrets. */
const SECRET_NAME =
  /PASS(W(OR)?D)?($|_)|PASSPHRASE|PWD|TOKEN|SECRET|PRIVATE|PRIV_?KEY|(^|_)KEY($|_)|API_?KEY|ACCESS_?KEY|CREDENTIAL|AUTH|COOKIE|SESSION|DSN|CONN(ECTION)?_?STRING/i;

/** What replaces a hidden value: says that a value exists without showing it. */
export const REDACTED = '(hidden by the portal)';

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

function redactContainers(containers: any[] | undefined) {
  for (const c of containers ?? []) {
    for (const env of c?.env ?? []) {
      if (
        typeof env?.value === 'string' &&
        isSecretName(String(env.name ?? ''))
      ) {
        env.value = REDACTED;
      }
    }
  }
}

function redactPodSpec(spec: any) {
  if (!spec) return;
  redactContainers(spec.containers);
  redactContainers(spec.initContainers);
  redactContainers(spec.ephemeralContainers);
}

/**
 * Makes an object safe to keep and to send to a browser, in place, so the informer's cache holds the slim
 * copy: drops managed fields and kubectl's last-applied copy of the manifest (which repeats every value),
 * removes ConfigMap and Secret values (names and keys stay), and hides literal env values whose names look
 * secret (PASSWORD, TOKEN, SECRET, KEY, ...) in pods and in the pod templates of controllers.
 */
export function redactObject<T extends KubeObject>(obj: T): T {
  const meta = obj.metadata as any;
  if (meta) {
    delete meta.managedFields;
    if (meta.annotations && LAST_APPLIED in meta.annotations) {
      delete meta.annotations[LAST_APPLIED];
    }
  }
  const anyObj = obj as any;
  if (
    anyObj.kind === 'ConfigMap' ||
    anyObj.kind === 'Secret' ||
    anyObj.data ||
    anyObj.binaryData
  ) {
    for (const field of ['data', 'binaryData', 'stringData']) {
      const values = anyObj[field];
      if (values && typeof values === 'object') {
        for (const k of Object.keys(values)) values[k] = REDACTED;
      }
    }
  }
  redactPodSpec(anyObj.spec);
  redactPodSpec(anyObj.spec?.template?.spec);
  redactPodSpec(anyObj.spec?.jobTemplate?.spec?.template?.spec);
  return obj;
}
