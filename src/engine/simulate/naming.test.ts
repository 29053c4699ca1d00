import { describe, expect, it } from 'vitest'
import { bumpImageTag, computeTemplateHash, generatePodSuffix, hashFnv1a32, podIp, safeEncode } from './naming'
import { createPrng } from './prng'

describe('naming', () => {
  it.each([
    ['acadx0/190713:v1', 'acadx0/190713:v2'],
    ['nginx:1.14.2', 'nginx:1.14.3'],
    ['nginx:1.9', 'nginx:1.10'],
    ['app:v09', 'app:v10'],
    ['app:latest', 'app:latest-2'],
    ['nginx', 'nginx:2'],
    ['registry:5000/team/app', 'registry:5000/team/app:2'],
    ['app:1.0-alpine', 'app:1.1-alpine'],
    ['app@sha256:abc', 'app:2'],
  ])('bumps %s to %s', (image, next) => {
    expect(bumpImageTag(image)).toBe(next)
  })

  it('hashes templates with FNV-1a and encodes the decimal digits in the safe alphabet (4-9, b, c, d, f)', () => {
    expect(hashFnv1a32('a')).toBe(0xe40c292c)
    expect(safeEncode('0123456789')).toBe('456789bcdf')
    expect(computeTemplateHash('x')).toMatch(/^[4-9bcdf]{6,10}$/)
    expect(computeTemplateHash('x')).toBe(computeTemplateHash('x'))
    expect(computeTemplateHash('x')).not.toBe(computeTemplateHash('y'))
  })

  it('makes 5-character pod suffixes and distinct pod IPs', () => {
    expect(generatePodSuffix(createPrng(1))).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    const ips = new Set(Array.from({ length: 2000 }, (_, i) => podIp(i)))
    expect(ips.size).toBe(2000)
  })
})

describe('createPrng', () => {
  it('repeats for a seed and differs between seeds', () => {
    const draw = (seed: number): number[] => {
      const p = createPrng(seed)
      return Array.from({ length: 5 }, () => p.nextUint32())
    }
    expect(draw(1)).toEqual(draw(1))
    expect(draw(1)).not.toEqual(draw(2))
    const p = createPrng(7)
    for (let i = 0; i < 1000; i++) {
      const f = p.nextFloat()
      expect(f).toBeGreaterThanOrEqual(0)
      expect(f).toBeLessThan(1)
      expect(p.nextInt(6)).toBeLessThan(6)
    }
  })
})
