import type { GuideRecommendation, Insight } from '../types';
import { compareSeverity } from './rules';

/** The strings in order, each once. */
function unique(texts: string[]): string[] {
  return [...new Set(texts)];
}

/**
 * One recommendation per guide: the problems it answers (its insights' titles), its strongest severity
 * and every reason, strongest first.
 * Ordered errors first, then warnings, then information; ties go to the guide with more insights,
 * then to the one that fired first.
 */
export function recommendedGuides(insights: Insight[]): GuideRecommendation[] {
  const byGuide = new Map<
    string,
    { rec: GuideRecommendation; count: number; order: number; items: Insight[] }
  >();
  insights.forEach((insight, index) => {
    let entry = byGuide.get(insight.guideId);
    if (!entry) {
      entry = {
        rec: {
          guideId: insight.guideId,
          problems: [],
          reasons: [],
          severity: insight.severity,
        },
        count: 0,
        order: index,
        items: [],
      };
      byGuide.set(insight.guideId, entry);
    }
    entry.count += 1;
    entry.items.push(insight);
    if (compareSeverity(insight.severity, entry.rec.severity) < 0) {
      entry.rec.severity = insight.severity;
    }
  });
  for (const entry of byGuide.values()) {
    const strongest = [...entry.items].sort((a, b) =>
      compareSeverity(a.severity, b.severity),
    );
    entry.rec.problems = unique(strongest.map(i => i.title));
    entry.rec.reasons = unique(
      strongest.map(i =>
        i.cluster ? `${i.reason} (cluster ${i.cluster})` : i.reason,
      ),
    );
  }
  return [...byGuide.values()]
    .sort(
      (a, b) =>
        compareSeverity(a.rec.severity, b.rec.severity) ||
        b.count - a.count ||
        a.order - b.order,
    )
    .map(e => e.rec);
}
