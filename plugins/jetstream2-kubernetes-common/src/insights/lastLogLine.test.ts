import { lastLogLine } from './lastLogLine';

// the seeded worker's log, as the local control plane's kubelet serves it
const pythonCrash = `2026-12-07 15:49:56,050 INFO worker: science-worker 1.4.2 starting (pid 1)
2026-12-07 15:49:56,050 INFO worker: connecting to queue redis://cache:6379/0
2026-12-07 15:49:56,056 ERROR worker: cannot connect to the job queue
Traceback (most recent call last):
  File "/usr/local/lib/python3.12/site-packages/redis/connection.py", line 357, in connect
    sock = self.retry.call_with_retry(
socket.gaierror: [Errno -2] Name or service not known

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/app/worker.py", line 48, in <module>
    main()
redis.exceptions.ConnectionError: Error -2 connecting to cache:6379. Name or service not known.
`;

describe('lastLogLine', () => {
  it('picks the last error of a Python traceback, not its frames', () => {
    expect(lastLogLine(pythonCrash)).toEqual({
      text: 'redis.exceptions.ConnectionError: Error -2 connecting to cache:6379. Name or service not known.',
      error: true,
    });
  });

  it('skips Java and Go stack frames after the error', () => {
    const java = [
      'Exception in thread "main" java.net.ConnectException: Connection refused',
      '\tat java.base/sun.nio.ch.Net.connect0(Native Method)',
      '\tat Main.main(Main.java:12)',
    ].join('\n');
    expect(lastLogLine(java)?.text).toBe(
      'Exception in thread "main" java.net.ConnectException: Connection refused',
    );
    const go =
      'panic: runtime error: index out of range\n\ngoroutine 1 [running]:\nmain.main()';
    expect(lastLogLine(go)?.text).toBe(
      'panic: runtime error: index out of range',
    );
  });

  it('falls back to the last line when nothing reads as an error, and removes colour codes', () => {
    expect(
      lastLogLine('\u001b[32mstarted\u001b[0m\nlistening on :8080\n\n'),
    ).toEqual({
      text: 'listening on :8080',
      error: false,
    });
    expect(lastLogLine('\n  \n')).toBeUndefined();
  });

  it('cuts a very long line', () => {
    const line = lastLogLine(`ERROR ${'x'.repeat(1000)}`)!;
    expect(line.text).toHaveLength(400);
    expect(line.text.endsWith('…')).toBe(true);
  });
});
