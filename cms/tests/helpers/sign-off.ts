/**
 * Review fields that pass the clinical sign-off rule today (src/sign-off): for test articles
 * that must be publishable. Test data only: no real reviewer or source.
 */
export function signedOff() {
  const day = (offsetDays: number) =>
    new Date(Date.now() + offsetDays * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return {
    reviewedBy: 'Test Reviewer (test data)',
    lastReviewed: day(-1),
    nextReviewDue: day(365),
    references: [{ label: 'Test reference', url: 'https://example.org/test-reference' }],
  };
}
