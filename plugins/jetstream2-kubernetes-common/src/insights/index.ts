// Insight rules: pure functions from live cluster objects to recommended guides.
export {};
