import {
  coreServices,
  createServiceFactory,
  type RootLoggerService,
} from '@backstage/backend-plugin-api';

/** What a log call takes besides the message: fields, or an error. */
type Meta = Parameters<RootLoggerService['warn']>[1];

/** One line as a logger would print it: level, message, and every field of the logger and the call. */
export interface CapturedLine {
  at: number;
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
  fields: Record<string, unknown>;
  /** The whole line as text: what a "never logs a secret" check searches. */
  text: string;
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v) =>
      v instanceof Error
        ? { name: v.name, message: v.message, stack: v.stack }
        : v,
    );
  } catch {
    return String(value);
  }
}

/**
 * A root logger that keeps everything the backend logs, at every level, with the fields of child loggers
 * (plugin, cluster, …) and of each call (errors included): the output itself, not what a spy on a stream
 * happens to see. `factory` installs it in `startTestBackend`; plugins' loggers are children of it. Its
 * methods are jest.fn spies too, so `logger.warn` can be asserted like `mockServices.logger.mock()`'s.
 */
export function captureLogs() {
  const lines: CapturedLine[] = [];
  const make = (
    inherited: Record<string, unknown>,
  ): jest.Mocked<RootLoggerService> => {
    // jest.fn, so a test can also assert the calls of this logger (its children record, unspied)
    const log = (level: CapturedLine['level']) =>
      jest.fn((message: string, meta?: Meta) => {
        const fields = {
          ...inherited,
          ...(meta instanceof Error ? { error: meta } : meta),
        };
        lines.push({
          at: Date.now(),
          level,
          message,
          fields,
          text: `${level} ${message} ${stringify(fields)}`,
        });
      });
    return {
      error: log('error'),
      warn: log('warn'),
      info: log('info'),
      debug: log('debug'),
      child: jest.fn((meta: Parameters<RootLoggerService['child']>[0]) =>
        make({ ...inherited, ...meta }),
      ),
    };
  };
  const root = make({});
  return {
    logger: root,
    factory: createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => root,
    }),
    lines: () => [...lines],
    /** Every line as text, one per line. */
    text: () => lines.map(l => l.text).join('\n'),
  };
}
