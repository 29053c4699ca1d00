import { describe, expect, it } from 'vitest'
import { deploymentYaml, joinDocuments } from '../testing/manifests'
import { graphOf } from '../testing/route-graph'

describe('what the Deployment\'s nodes carry about it', () => {
  const fixture = graphOf(joinDocuments(deploymentYaml('web', { namespace: 'shop', replicas: 8 }), deploymentYaml('api', { replicas: 1 })))
  const web = { namespace: 'shop', name: 'web', key: 'shop/web', nodeId: fixture.labelled('workload', 'shop/web')[0]!.id }

  it('every workload, ReplicaSet, pod and "+N pods" node names its Deployment', () => {
    const owned = fixture.graph.nodes.filter((node) => node.deployment?.key === 'shop/web')
    expect(owned.map((node) => node.kind).sort()).toEqual(['morePods', 'pod', 'pod', 'pod', 'pod', 'pod', 'replicaSet', 'workload'])
    for (const node of owned) expect(node.deployment, node.id).toEqual(web)
  })

  it('pods carry their place from 0; nothing else has one', () => {
    const pods = fixture.graph.nodes.filter((node) => node.kind === 'pod' && node.deployment?.key === 'shop/web')
    expect(pods.map((pod) => pod.podIndex)).toEqual([0, 1, 2, 3, 4])
    expect(pods.map((pod) => pod.count)).toEqual([1, 2, 3, 4, 5])
    expect(fixture.graph.nodes.filter((node) => node.kind !== 'pod').every((node) => node.podIndex === null)).toBe(true)
  })

  it('the Deployment node id it carries is the card\'s, in the default namespace too', () => {
    const api = fixture.labelled('workload', 'api')[0]!
    expect(api.deployment).toEqual({ namespace: 'default', name: 'api', key: 'default/api', nodeId: api.id })
    const pod = fixture.graph.nodes.find((node) => node.kind === 'pod' && node.deployment?.key === 'default/api')!
    expect(fixture.node(pod.parent!).parent).toBe(api.id)
  })

  it('nodes of other kinds carry no Deployment', () => {
    const others = fixture.graph.nodes.filter((node) => !['workload', 'replicaSet', 'pod', 'morePods'].includes(node.kind))
    expect(others.length).toBeGreaterThan(0)
    expect(others.every((node) => node.deployment === null)).toBe(true)
  })
})
