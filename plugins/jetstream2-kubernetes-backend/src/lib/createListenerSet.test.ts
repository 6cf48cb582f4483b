import { mockServices } from '@backstage/backend-test-utils';
import { createListenerSet } from './createListenerSet';

describe('createListenerSet', () => {
  it('tells every listener in order, until it is removed', () => {
    const set = createListenerSet<[string]>({
      logger: mockServices.logger.mock(),
      what: 'test',
    });
    const heard: string[] = [];
    set.add(v => heard.push(`a:${v}`));
    const removeB = set.add(v => heard.push(`b:${v}`));
    set.emit('1');
    removeB();
    set.emit('2');
    expect(heard).toEqual(['a:1', 'b:1', 'a:2']);
  });

  it('logs a failing listener and still tells the ones after it', () => {
    const logger = mockServices.logger.mock();
    const set = createListenerSet<[number]>({ logger, what: 'change' });
    const before = jest.fn();
    const after = jest.fn();
    set.add(before);
    set.add(() => {
      throw new Error('boom');
    });
    set.add(after);
    set.emit(7);
    expect(before).toHaveBeenCalledWith(7);
    expect(after).toHaveBeenCalledWith(7);
    expect(logger.warn).toHaveBeenCalledWith('A change listener failed: boom');
  });

  it('keeps the turn of every listener when one removes itself while being told', () => {
    const set = createListenerSet<[]>({
      logger: mockServices.logger.mock(),
      what: 'test',
    });
    const order: string[] = [];
    const removeFirst = set.add(() => {
      order.push('first');
      removeFirst();
    });
    set.add(() => order.push('second'));
    set.emit();
    set.emit();
    expect(order).toEqual(['first', 'second', 'second']);
  });

  it('treats the same function added twice as two subscriptions, and clears all', () => {
    const set = createListenerSet<[]>({
      logger: mockServices.logger.mock(),
      what: 'test',
    });
    const listener = jest.fn();
    const removeOne = set.add(listener);
    set.add(listener);
    set.emit();
    expect(listener).toHaveBeenCalledTimes(2);
    removeOne();
    set.emit();
    expect(listener).toHaveBeenCalledTimes(3);
    set.clear();
    set.emit();
    expect(listener).toHaveBeenCalledTimes(3);
  });
});
