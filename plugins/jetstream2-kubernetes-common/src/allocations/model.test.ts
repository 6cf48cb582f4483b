import { allocationIdOf, isAllocationEntity, readAllocation } from './model';

const entity = (spec: Record<string, unknown>) => ({
  kind: 'Resource',
  metadata: { name: 'sgw', annotations: {} },
  spec: { type: 'jetstream2-allocation', owner: 'science-gateways', ...spec },
});

describe('readAllocation', () => {
  it('reads the id, balance, dates', () => {
    expect(
      readAllocation(
        entity({
          allocationId: 'sgw240017',
          balanceSu: 420000,
          balanceAsOf: '2026-12-01',
          endDate: '2027-09-30',
        }),
      ),
    ).toEqual({
      allocation: {
        allocationId: 'sgw240017',
        balanceSu: 420000,
        balanceAsOf: '2026-12-01',
        endDate: '2027-09-30',
      },
    });
  });

  it('names every field that is wrong, in words', () => {
    const result = readAllocation(
      entity({ allocationId: 'SGW-17', balanceSu: '12', endDate: 'soon' }),
    );
    expect(result).toEqual({
      problems: [
        'Allocation sgw: spec.allocationId "SGW-17" is not an allocation id as ACCESS writes it (three lowercase letters and six digits, such as abc123456).',
        'Allocation sgw: spec.balanceSu must be the balance in SU, a number of 0 or more; got "12".',
        'Allocation sgw: spec.endDate must be the allocation\'s last day as a date such as 2027-06-30; got "soon".',
      ],
    });
    expect(
      readAllocation(
        entity({
          allocationId: 'abc123456',
          balanceSu: 1,
          endDate: '2027-02-30x',
        }),
      ),
    ).toHaveProperty('problems');
  });

  it('tells allocations and their annotation apart', () => {
    expect(isAllocationEntity(entity({}))).toBe(true);
    expect(
      isAllocationEntity({
        ...entity({}),
        spec: { type: 'kubernetes-cluster' },
      }),
    ).toBe(false);
    expect(
      allocationIdOf({
        metadata: {
          annotations: { 'jetstream2.org/allocation': ' abc123456 ' },
        },
      }),
    ).toBe('abc123456');
    expect(allocationIdOf({ metadata: {} })).toBeUndefined();
  });
});
