import type { PerformanceFigures } from '@pingan/shared/performance/figures'

import { kpisOf } from './measures'

/** The unit's totals for the period, one card a figure. */
export default function KpiCards({ figures }: { figures: PerformanceFigures }) {
  return (
    <ul className='dashboard__kpis' id='dashboard-kpis'>
      {kpisOf(figures).map((kpi) => (
        <li key={kpi.key} className='dashboard__kpi' data-kpi={kpi.key}>
          <span className='dashboard__kpi-value'>{kpi.text}</span>
          <span className='dashboard__kpi-label'>{kpi.label}</span>
        </li>
      ))}
    </ul>
  )
}
