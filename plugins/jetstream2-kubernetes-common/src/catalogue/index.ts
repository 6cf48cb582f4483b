// The guide and concept catalogue: see guides.ts and concepts.ts.
export {};
