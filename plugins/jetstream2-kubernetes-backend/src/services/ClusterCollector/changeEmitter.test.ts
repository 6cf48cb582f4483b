import { mockServices } from '@backstage/backend-test-utils';
import { createChangeEmitter } from './changeEmitter';

describe('createChangeEmitter', () => {
  it('tells every listener, until it unsubscribes', () => {
    const changes = createChangeEmitter(mockServices.logger.mock());
    const a = jest.fn();
    const b = jest.fn();
    changes.onChange(a);
    const offB = changes.onChange(b);
    changes.emit({ type: 'status' });
    offB();
    changes.emit({ type: 'objects', key: 'pods', objects: [] });
    expect(a).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledWith({ type: 'status' });
  });

  it('logs a failing listener and still tells the others', () => {
    const logger = mockServices.logger.mock();
    const changes = createChangeEmitter(logger);
    const after = jest.fn();
    changes.onChange(() => {
      throw new Error('boom');
    });
    changes.onChange(after);
    changes.emit({ type: 'status' });
    expect(after).toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith('A change listener failed: boom');
  });

  it('counts status changes only', () => {
    const changes = createChangeEmitter(mockServices.logger.mock());
    changes.emit({ type: 'status' });
    changes.emit({ type: 'objects', key: 'pods', objects: [] });
    changes.emit({ type: 'status' });
    expect(changes.statusVersion()).toBe(2);
  });
});
