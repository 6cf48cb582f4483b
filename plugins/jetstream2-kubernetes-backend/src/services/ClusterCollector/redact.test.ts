import type { KubeObject } from '@internal/plugin-jetstream2-kubernetes-common';
import { isSecretName, REDACTED, redactObject } from './redact';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const env = (...names: string[]) =>
  names.map(name => ({ name, value: `value-of-${name}` }));

/** name → value of every env entry of the containers. */
const envOf = (containers: any[]) =>
  Object.fromEntries(
    containers.flatMap(c => (c.env ?? []).map((e: any) => [e.name, e.value])),
  );

const podSpec = () => ({
  initContainers: [{ name: 'init', env: env('INIT_TOKEN', 'INIT_MODE') }],
  containers: [
    {
      name: 'app',
      env: [
        ...env('DB_PASSWORD', 'LOG_LEVEL', 'KEYCLOAK_URL'),
        {
          name: 'FROM_SECRET',
          valueFrom: { secretKeyRef: { name: 's', key: 'k' } },
        },
      ],
    },
  ],
});

describe('redactObject', () => {
  it('drops managedFields and the last-applied annotation, keeping other annotations', () => {
    const obj = redactObject({
      kind: 'Deployment',
      metadata: {
        name: 'web',
        managedFields: [{ manager: 'kubectl' }],
        annotations: {
          [LAST_APPLIED]: '{"spec":{"env":"DB_PASSWORD=hunter2"}}',
          'deployment.kubernetes.io/revision': '3',
        },
      },
      spec: {},
    } as KubeObject);
    expect(obj.metadata).toEqual({
      name: 'web',
      annotations: { 'deployment.kubernetes.io/revision': '3' },
    });
    expect(JSON.stringify(obj)).not.toContain('hunter2');
  });

  it('removes ConfigMap data and binaryData values, keeping the keys', () => {
    const cm = redactObject({
      kind: 'ConfigMap',
      metadata: { name: 'cfg' },
      data: { 'app.yaml': 'password: hunter2', mode: 'prod' },
      binaryData: { 'cert.p12': 'AAECAw==' },
    } as KubeObject);
    expect(cm.data).toEqual({ 'app.yaml': REDACTED, mode: REDACTED });
    expect(cm.binaryData).toEqual({ 'cert.p12': REDACTED });
  });

  it('removes Secret data and stringData values, also when the kind is missing', () => {
    const secret = redactObject({
      metadata: { name: 's' },
      data: { token: 'c2VjcmV0' },
      stringData: { password: 'hunter2' },
    } as KubeObject);
    expect(secret.data).toEqual({ token: REDACTED });
    expect(secret.stringData).toEqual({ password: REDACTED });
  });

  it('hides secret-looking env values in pods, init containers and controllers; keeps the rest', () => {
    const expected = {
      INIT_TOKEN: REDACTED,
      INIT_MODE: 'value-of-INIT_MODE',
      DB_PASSWORD: REDACTED,
      LOG_LEVEL: 'value-of-LOG_LEVEL',
      // KEY only counts as a whole word: KEYCLOAK_URL is an address, shown.
      KEYCLOAK_URL: 'value-of-KEYCLOAK_URL',
      FROM_SECRET: undefined,
    };
    const check = (spec: any) =>
      expect(envOf([...spec.initContainers, ...spec.containers])).toEqual(
        expected,
      );

    const pod = redactObject({ kind: 'Pod', spec: podSpec() } as KubeObject);
    check(pod.spec);
    // A reference to a Secret is kept as it is: it shows where the value comes from, not the value.
    expect(pod.spec.containers[0].env[3].valueFrom).toEqual({
      secretKeyRef: { name: 's', key: 'k' },
    });

    for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet', 'Job']) {
      const o = redactObject({
        kind,
        spec: { template: { spec: podSpec() } },
      } as KubeObject);
      check(o.spec.template.spec);
    }

    const cron = redactObject({
      kind: 'CronJob',
      spec: { jobTemplate: { spec: { template: { spec: podSpec() } } } },
    } as KubeObject);
    check(cron.spec.jobTemplate.spec.template.spec);
  });

  it('changes the object in place and returns it', () => {
    const o = {
      kind: 'Pod',
      metadata: { name: 'p', managedFields: [] },
      spec: podSpec(),
    } as KubeObject;
    expect(redactObject(o)).toBe(o);
    expect(o.metadata).not.toHaveProperty('managedFields');
  });
});

describe('isSecretName', () => {
  it.each([
    'PASSWORD',
    'DB_PASSWD',
    'db_password',
    'GPG_PASSPHRASE',
    'GITHUB_TOKEN',
    'CLIENT_SECRET',
    'SSH_PRIVATE_KEY',
    'KEY',
    'SIGNING_KEY',
    'KEY_FILE_CONTENT',
    'OPENAI_APIKEY',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_ACCESSKEY',
    'GOOGLE_CREDENTIALS',
    'BASIC_AUTH',
    'COOKIE_SECRET',
    'SESSION_SECRET',
    'SENTRY_DSN',
    'MONGO_CONNECTION_STRING',
    'AZURE_CONNSTRING',
  ])('hides %s', name => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    'LOG_LEVEL',
    'KEYCLOAK_URL',
    'MONKEY_COUNT',
    'HOTKEYS',
    'PORT',
    'JUPYTERHUB_API_URL',
    'NODE_ENV',
    'TZ',
  ])('keeps %s', name => {
    expect(isSecretName(name)).toBe(false);
  });

  // Hides more than secrets: AUTH, SESSION and TOKEN match inside names of addresses and settings. Kept as
  // the safe side (a hidden harmless value costs less than a shown secret); asserted so a change is seen.
  it.each([
    'OAUTH_CALLBACK_URL',
    'AUTHOR_NAME',
    'SESSION_TIMEOUT',
    'TOKEN_URL',
    'AWS_ACCESS_KEY_ID',
  ])('also hides %s (not a secret)', name => {
    expect(isSecretName(name)).toBe(true);
  });

  // Common short forms of secret names: *_PASS, *_PWD, *PRIVKEY.
  it.each(['REDIS_PASS', 'MYSQL_ROOT_PWD', 'SSH_PRIVKEY'])('hides %s', name => {
    expect(isSecretName(name)).toBe(true);
  });
});
