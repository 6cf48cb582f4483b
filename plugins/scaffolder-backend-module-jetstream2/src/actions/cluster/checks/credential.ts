import { fieldLabel } from '@internal/plugin-jetstream2-kubernetes-common';
import type { PlanCheck } from './types';

const CREDENTIAL = fieldLabel('applicationCredential');

const KEYPAIR_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;
const CREDENTIAL_ID_PATTERN = /^[0-9a-f]{32}$/;
const CREDENTIAL_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * True when a credential "reference" looks like a pasted secret rather than a name or an id. Keystone
 * generates application credential secrets as 86 URL-safe characters; ids are 32 hex digits; names are
 * what a person typed. Never echo the value back: it may be the secret.
 */
export function looksLikeSecret(value: string): boolean {
  if (CREDENTIAL_ID_PATTERN.test(value)) return false;
  if (value.length > 64) return true;
  if (/\s|[=:/+]/.test(value)) return true;
  const mixed = /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
  return value.length >= 24 && mixed && !/[-_.]/.test(value.slice(1, -1));
}

/** Credential: a reference, never the secret. The value is not repeated in messages on purpose. */
export const credentialCheck: PlanCheck = {
  id: 'credential',
  run({ input }) {
    const problems: string[] = [];
    const credential = input.applicationCredential.trim();
    if (credential.length === 0) {
      problems.push(
        `${CREDENTIAL} is empty: give the name or id of an unrestricted application credential (with the load-balancer role) created in Horizon under Identity → Application Credentials.`,
      );
    } else if (looksLikeSecret(credential)) {
      problems.push(
        `${CREDENTIAL} looks like a secret, not a reference. Give only the credential's name or its 32-character id; keep the secret in your openrc/clouds.yaml. If you pasted a real secret, delete that application credential in Horizon and create a new one.`,
      );
    } else if (
      !CREDENTIAL_ID_PATTERN.test(credential) &&
      !CREDENTIAL_NAME_PATTERN.test(credential)
    ) {
      problems.push(
        `${CREDENTIAL} must be a name (letters, digits, ".", "_", "-", at most 64 characters) or a 32-character hex id.`,
      );
    }
    const keypair = input.keypair || undefined;
    if (keypair !== undefined && !KEYPAIR_PATTERN.test(keypair)) {
      problems.push(
        `${fieldLabel(
          'keypair',
        )} "${keypair}" is not a valid OpenStack keypair name: use letters, digits, ".", "_" and "-".`,
      );
    }
    return { facts: { applicationCredential: credential, keypair }, problems };
  },
};
