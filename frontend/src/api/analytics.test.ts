import { beforeEach, describe, expect, it, vi } from 'vitest'
import { dashboard } from './analytics'

// The binding, answering what Go sends over the bridge.
const bridge = vi.hoisted(() => ({ dashboard: vi.fn() }))
vi.mock('../../wailsjs/go/api/Analytics', () => ({ Dashboard: bridge.dashboard }))

const FILTER = { networks: [], accounts: [], pillars: [], campaigns: [] }

beforeEach(() => bridge.dashboard.mockReset())

describe('dashboard', () => {
  it('reads Go nil slices and a missing responses as empty ones', async () => {
    bridge.dashboard.mockResolvedValue({ period: { from: '2025-11-01', to: '2025-11-30' }, tiles: null, fans: null })
    const d = await dashboard('2025-11-01', '2025-11-30', FILTER)
    expect(d.fans).toEqual([])
    expect(d.tiles).toEqual([])
    expect(d.responses).toEqual({
      received: 0,
      answered: 0,
      answeredShare: 0,
      shareKnown: false,
      medianMinutes: 0,
      medianKnown: false,
      withinHour: 0,
    })
  })

  it('passes the fans and the responses through', async () => {
    const fan = { network: 'bluesky', actorId: 'did:plc:a', handle: '@a.bsky.social', name: 'A', interactions: 3, likes: 1, reposts: 0, replies: 2, quotes: 0, last: '2025-11-20T10:00:00Z' }
    const responses = { received: 4, answered: 3, answeredShare: 75, shareKnown: true, medianMinutes: 42, medianKnown: true, withinHour: 100 }
    bridge.dashboard.mockResolvedValue({ fans: [fan], responses })
    const d = await dashboard('2025-11-01', '2025-11-30', FILTER)
    expect(d.fans).toEqual([fan])
    expect(d.responses).toEqual(responses)
    expect(bridge.dashboard).toHaveBeenCalledWith('2025-11-01', '2025-11-30', FILTER)
  })

  it('does not take a malformed figure for a number', async () => {
    bridge.dashboard.mockResolvedValue({ responses: { received: '12', answered: null, medianMinutes: Number.NaN, shareKnown: 'yes' } })
    const d = await dashboard('2025-11-01', '2025-11-30', FILTER)
    expect(d.responses).toMatchObject({ received: 0, answered: 0, medianMinutes: 0, shareKnown: false })
  })
})
