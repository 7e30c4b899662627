import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '../api/settings'
import type { Workspace, WorkspaceInput } from '../api/settings'

// The workspaces and the current one. Every change reloads the list from
// the backend, which owns the "current" and "demo" flags.
export const useWorkspacesStore = defineStore('workspaces', () => {
  const items = ref<Workspace[]>([])
  const zones = ref<string[]>([])

  const current = computed<Workspace | null>(() => items.value.find((w) => w.current) ?? items.value[0] ?? null)

  function byId(id: string): Workspace | null {
    return items.value.find((w) => w.id === id) ?? null
  }

  async function load() {
    items.value = await api.listWorkspaces()
  }

  async function loadZones(): Promise<string[]> {
    if (zones.value.length === 0) zones.value = await api.timeZones()
    return zones.value
  }

  function replace(ws: Workspace) {
    items.value = items.value.map((w) => (w.id === ws.id ? ws : w))
  }

  async function switchTo(id: string) {
    await api.switchWorkspace(id)
    await load()
  }

  async function create(input: WorkspaceInput): Promise<Workspace> {
    const ws = await api.createWorkspace(input)
    await load()
    return ws
  }

  async function update(id: string, input: WorkspaceInput): Promise<Workspace> {
    const ws = await api.updateWorkspace(id, input)
    await load()
    return ws
  }

  async function remove(id: string) {
    await api.deleteWorkspace(id)
    await load()
  }

  async function chooseLogo(id: string) {
    replace(await api.chooseLogo(id))
  }

  async function removeLogo(id: string) {
    replace(await api.removeLogo(id))
  }

  return { items, zones, current, byId, load, loadZones, switchTo, create, update, remove, chooseLogo, removeLogo }
})
