/**
 * analyze() of a generated 2 MB manifest (1000 Ingresses, 1000 Services, 1000 Deployments with realistic
 * fields) against `yaml`'s own parseAllDocuments of the same text, alternating in one run. Budget: ≤ 1.5×.
 */
import { parseAllDocuments } from 'yaml'
import { analyze } from '../engine'
import { median, type BenchFigure } from './figure'

const COUNT = 1000

function ingress(i: number): string {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: app-${i}
  namespace: team-${i % 17}
  labels:
    app.kubernetes.io/name: app-${i}
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /$2
spec:
  ingressClassName: nginx
  tls:
  - hosts:
    - app-${i}.example.com
    secretName: app-${i}-tls
  rules:
  - host: app-${i}.example.com
    http:
      paths:
      - path: /api(/|$)(.*)
        pathType: ImplementationSpecific
        backend:
          service:
            name: app-${i}
            port:
              number: 80
      - path: /static
        pathType: Prefix
        backend:
          service:
            name: app-${i}
            port:
              name: http
`
}

function service(i: number): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: app-${i}
  namespace: team-${i % 17}
  labels:
    app.kubernetes.io/name: app-${i}
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: app-${i}
  ports:
  - name: http
    port: 80
    targetPort: http
`
}

function deployment(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 17}
  labels:
    app.kubernetes.io/name: app-${i}
    app.kubernetes.io/version: "1.${i % 50}.0"
spec:
  replicas: ${1 + (i % 5)}
  selector:
    matchLabels:
      app.kubernetes.io/name: app-${i}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app.kubernetes.io/name: app-${i}
    spec:
      containers:
      - name: app
        image: registry.example.com/shop/app-${i}:1.${i % 50}.0
        args: ["--port=8080", "--log-level=info"]
        env:
        - name: DATABASE_URL
          valueFrom:
            secretKeyRef:
              name: app-${i}-db
              key: url
        ports:
        - name: http
          containerPort: 8080
        resources:
          requests:
            cpu: 100m
            memory: 128Mi
        readinessProbe:
          httpGet:
            path: /ready
            port: http
          periodSeconds: 5
        livenessProbe:
          httpGet:
            path: /healthz
            port: http
        lifecycle:
          preStop:
            exec:
              command: ["sh", "-c", "sleep 10"]
`
}

/** The benchmark manifest: 3 × COUNT documents, about 2 MB. */
export function generateManifest(count = COUNT): string {
  const docs: string[] = []
  for (let i = 0; i < count; i++) docs.push(ingress(i), service(i), deployment(i))
  return docs.join('---\n')
}

export async function run(): Promise<BenchFigure[]> {
  const text = generateManifest()
  const files = [{ name: 'bench.yaml', text }]
  const check = analyze(files)
  const errors = check.diagnostics.filter((d) => d.severity !== 'info')
  if (errors.length > 0) throw new Error(`the benchmark manifest should be clean: ${errors[0]?.message}`)
  const objects = check.model.ingresses.length + check.model.services.length + check.model.deployments.length

  const parseTimes: number[] = []
  const analyzeTimes: number[] = []
  const ratios: number[] = []
  const time = (fn: () => unknown): number => {
    const started = performance.now()
    fn()
    return performance.now() - started
  }
  for (let i = 0; i < 3; i++) {
    parseAllDocuments(text)
    analyze(files)
  }
  for (let i = 0; i < 9; i++) {
    // Alternate the order so neither side always runs on a freshly collected heap.
    const first = i % 2 === 0
    const a = first ? time(() => analyze(files)) : 0
    const p = time(() => parseAllDocuments(text))
    const b = first ? a : time(() => analyze(files))
    parseTimes.push(p)
    analyzeTimes.push(b)
    ratios.push(b / p)
  }
  const parseMs = median(parseTimes)
  const analyzeMs = median(analyzeTimes)
  const ratio = median(ratios)
  return [
    { name: `input: ${(text.length / 1024 / 1024).toFixed(2)} MB, ${objects} objects`, value: objects, unit: 'objects' },
    { name: 'yaml parseAllDocuments (median of 9)', value: parseMs, unit: 'ms' },
    { name: 'analyze (median of 9)', value: analyzeMs, unit: 'ms' },
    { name: 'analyze ÷ parseAllDocuments (median ratio)', value: ratio, unit: '×', budget: '≤ 1.5', ok: ratio <= 1.5 },
  ]
}
