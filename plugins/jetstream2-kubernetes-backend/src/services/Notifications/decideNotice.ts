/** What is stored per subject (a service, an allocation): what is seen, and what its owners were told. */
export interface NoticeState {
  observed: string;
  observedSince: number;
  /** The state owners were last told of; undefined: never told. */
  notified?: string;
  notifiedAt?: number;
  /** Bumped by every write: a write is made only on the version it read (see the store's claim). */
  version: number;
}

/** How one kind of subject is told about. */
export interface NoticeRule {
  /** The state owners are assumed to know before anything is sent (a service is fine, a runway is long). */
  quiet: string;
  /** States recorded as told without sending anything (a runway back above the threshold). */
  silent?: string[];
  /** At most one notification per subject within this time: a flapping pod cannot flood the owners. */
  windowMs: number;
}

export interface NoticeDecision {
  /** The state to store. */
  next: Omit<NoticeState, 'version'>;
  /** The state to tell the owners about now, if any. */
  notify?: string;
}

/**
 * Whether to tell the owners about a subject's state now. They are told when what they last heard differs
 * from what is seen, and not within `windowMs` of the last notification; a change that is undone within the
 * window is never sent, and one that lasts is sent when the window ends. Pure.
 */
export function decideNotice(
  state: NoticeState | undefined,
  observed: string,
  now: number,
  rule: NoticeRule,
): NoticeDecision {
  const observedSince =
    state && state.observed === observed ? state.observedSince : now;
  const kept = {
    observed,
    observedSince,
    ...(state?.notified !== undefined ? { notified: state.notified } : {}),
    ...(state?.notifiedAt !== undefined
      ? { notifiedAt: state.notifiedAt }
      : {}),
  };
  const told = state?.notified ?? rule.quiet;
  if (observed === told) return { next: kept };
  if (rule.silent?.includes(observed)) {
    return { next: { ...kept, notified: observed } };
  }
  if (
    state?.notifiedAt !== undefined &&
    now - state.notifiedAt < rule.windowMs
  ) {
    return { next: kept };
  }
  return {
    next: { ...kept, notified: observed, notifiedAt: now },
    notify: observed,
  };
}
