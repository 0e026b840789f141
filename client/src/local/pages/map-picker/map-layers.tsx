import type { Landmark, LandmarkKind } from '@pingan/shared/config'

import type { GridShape } from '../../lib/grid-map-data'
import type { Projection } from './projection'

// What the picker draws over the grids, with no map tiles to lean on: each grid's name, the community and
// street boundaries heavier than the grids', the county's landmarks, and where the browser says the person is.
// Sizes are SVG units (the map is 1000 wide), so they grow with the zoom.

const KIND_MARKS: Record<LandmarkKind, { glyph: string; color: string }> = {
  government: { glyph: '政', color: '#c8102e' },
  school: { glyph: '学', color: '#1d5fbf' },
  market: { glyph: '市', color: '#b35c00' },
  hospital: { glyph: '医', color: '#0a7a3e' },
  station: { glyph: '站', color: '#5b3fa6' },
  park: { glyph: '园', color: '#2e7d32' },
}

/** The outline's points as an SVG `points` attribute. */
export function pointsOf(shape: GridShape, projection: Projection): string {
  return (shape.rings[0] ?? []).map((p) => projection.toSvg(p).join(',')).join(' ')
}

/** Where a shape's name goes: the mean of its outline's vertices (the closing one counted once). */
export function labelPoint(shape: GridShape, projection: Projection): [number, number] {
  const ring = shape.rings[0] ?? []
  const open = ring.length > 1 ? ring.slice(0, -1) : ring
  const [sx, sy] = open.reduce(
    ([x, y], p) => {
      const [px, py] = projection.toSvg(p)
      return [x + px, y + py]
    },
    [0, 0],
  )
  return [sx / Math.max(open.length, 1), sy / Math.max(open.length, 1)]
}

/** A grid's short name on the map (第3网格): its community is written once, larger, over its grids. */
export function shortGridName(grid: GridShape, shapes: readonly GridShape[]): string {
  const community = shapes.find((s) => s.code === grid.parentCode)
  return community && grid.name.startsWith(community.name) ? grid.name.slice(community.name.length) : grid.name
}

/** The community and street outlines, drawn over the grids and under the names. */
export function Boundaries({ shapes, projection }: { shapes: readonly GridShape[]; projection: Projection }) {
  return (
    <g className='map-picker__boundaries'>
      {shapes
        .filter((s) => s.level === 'community' || s.level === 'street')
        .map((shape, i) => (
          <polygon
            key={`${shape.code}-${i}`}
            className={`map-picker__${shape.level}`}
            data-code={shape.code}
            points={pointsOf(shape, projection)}
          />
        ))}
    </g>
  )
}

/** Every grid's short name, and each community's name once, larger. */
export function Names({ shapes, projection }: { shapes: readonly GridShape[]; projection: Projection }) {
  const grids = shapes.filter((s) => s.level === 'grid')
  const communities = shapes.filter((s) => s.level === 'community')
  return (
    <g className='map-picker__names' aria-hidden='true'>
      {grids.map((grid, i) => {
        const [x, y] = labelPoint(grid, projection)
        return (
          <text
            key={`${grid.code}-${i}`}
            className='map-picker__grid-name'
            data-code={grid.code}
            x={x}
            y={y}
            fontSize={24}
            textAnchor='middle'
          >
            {shortGridName(grid, shapes)}
          </text>
        )
      })}
      {communities.map((community, i) => {
        const [x, y] = labelPoint(community, projection)
        return (
          <text key={`${community.code}-${i}`} className='map-picker__community-name' x={x} y={y - 30} fontSize={40} textAnchor='middle'>
            {community.name}
          </text>
        )
      })}
    </g>
  )
}

/** The landmarks: a coloured disc with one character of what it is, and its name beside it. */
export function Landmarks({ landmarks, projection }: { landmarks: readonly Landmark[]; projection: Projection }) {
  return (
    <g className='map-picker__landmarks'>
      {landmarks.map((landmark) => {
        const [x, y] = projection.toSvg(landmark.location)
        const mark = KIND_MARKS[landmark.kind]
        return (
          <g key={landmark.name} className='map-picker__landmark' data-name={landmark.name}>
            <circle cx={x} cy={y} r={16} fill={mark.color} stroke='#fff' strokeWidth={3} />
            <text x={x} y={y + 7} fontSize={20} textAnchor='middle' fill='#fff' className='map-picker__landmark-glyph'>
              {mark.glyph}
            </text>
            <text x={x + 22} y={y + 8} fontSize={26} className='map-picker__landmark-name'>
              {landmark.name}
            </text>
          </g>
        )
      })}
    </g>
  )
}

/** 您在这里: where the browser says the person is, a blue dot in a pale ring. */
export function YouAreHere({ at, projection }: { at: [number, number]; projection: Projection }) {
  const [x, y] = projection.toSvg(at)
  return (
    <g id='you-are-here' className='map-picker__here'>
      <circle cx={x} cy={y} r={34} fill='#1a73e8' fillOpacity={0.2} />
      <circle cx={x} cy={y} r={13} fill='#1a73e8' stroke='#fff' strokeWidth={4} />
      <text x={x} y={y - 42} fontSize={26} textAnchor='middle' className='map-picker__here-name'>
        您在这里
      </text>
    </g>
  )
}

/** Metres between two GCJ-02 points, near enough for "附近" within a county. */
export function metresBetween(a: readonly [number, number], b: readonly [number, number]): number {
  const kx = Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180)
  const dx = (a[0] - b[0]) * kx * 111_320
  const dy = (a[1] - b[1]) * 110_570
  return Math.hypot(dx, dy)
}

/** The nearest landmark within `maxM` metres of the point, to name the spot by (县政府附近). */
export function nearestLandmark(landmarks: readonly Landmark[], point: [number, number], maxM = 250): Landmark | undefined {
  let best: { landmark: Landmark; m: number } | undefined
  for (const landmark of landmarks) {
    const m = metresBetween(landmark.location, point)
    if (m <= maxM && (!best || m < best.m)) best = { landmark, m }
  }
  return best?.landmark
}
