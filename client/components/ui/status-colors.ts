import type { Status } from '../../../shared/judgement';

/**
 * Fills for charts, where CSS classes do not reach: the hues of the badges (styles.css),
 * each at least 3:1 against white as WCAG asks of graphics.
 */
export const STATUS_CHART_COLORS: Record<Status, string> = {
  exceeded: '#1b5e20',
  met: '#43a047',
  not_yet: '#c77c00',
  missed: '#c62828',
  no_data: '#8a8a8a',
  no_target: '#8a8a8a',
};

/** "Kế hoạch" bars: a light fill with a slate outline, behind the coloured results. */
export const TARGET_FILL = '#cfd8dc';
export const TARGET_STROKE = '#607d8b';
