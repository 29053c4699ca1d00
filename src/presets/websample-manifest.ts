/**
 * The rollout lessons' manifest: the chapter's `websample` app in current API versions with three replicas (so
 * a rolling update takes visible steps), written out by parts so each broken variant differs from the working
 * one in exactly the lines its lesson is about.
 */

export interface WebsampleOptions {
  /** The `strategy:` block's lines under `spec:` (indented by 2). */
  readonly strategy?: string
  /** Include the readinessProbe. Default: true. */
  readonly readiness?: boolean
  /** preStop sleep seconds; null = no preStop hook. Default: 5. */
  readonly preStopSeconds?: number | null
  /** Default: 30. */
  readonly graceSeconds?: number
}

const ROLLING = `  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
`

const READINESS = `        readinessProbe:
          httpGet:
            path: /readiness
            port: 5000
          periodSeconds: 2
`

function preStop(seconds: number): string {
  return `        lifecycle:
          preStop:
            sleep:
              seconds: ${seconds}
`
}

/** The Deployment, Service and Ingress of `websample`, varied by `options`; `comment` heads the file. */
export function websampleManifest(comment: string, options: WebsampleOptions = {}): string {
  const { strategy = ROLLING, readiness = true, preStopSeconds = 5, graceSeconds = 30 } = options
  return `# ${comment}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: websample
spec:
  replicas: 3
  selector:
    matchLabels:
      run: websample
${strategy}  template:
    metadata:
      labels:
        run: websample
    spec:
      terminationGracePeriodSeconds: ${graceSeconds}
      containers:
      - name: websample
        image: acadx0/190713:v1
        ports:
        - containerPort: 5000
${readiness ? READINESS : ''}${preStopSeconds === null ? '' : preStop(preStopSeconds)}---
apiVersion: v1
kind: Service
metadata:
  name: websample
spec:
  selector:
    run: websample
  ports:
  - port: 80
    targetPort: 5000
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: websample
spec:
  ingressClassName: nginx
  rules:
  - host: websample.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: websample
            port:
              number: 80
`
}

/** A canary Deployment, Service and Ingress for `websample`: version 2 behind its own Service, `weight`% of requests. */
export function canaryManifest(weight: number): string {
  return `---
# The canary: version 2 behind its own Service and Ingress
apiVersion: apps/v1
kind: Deployment
metadata:
  name: websample-canary
spec:
  replicas: 1
  selector:
    matchLabels:
      run: websample-canary
  template:
    metadata:
      labels:
        run: websample-canary
    spec:
      containers:
      - name: websample
        image: acadx0/190713:v2
        ports:
        - containerPort: 5000
${READINESS}${preStop(5)}---
apiVersion: v1
kind: Service
metadata:
  name: websample-canary
spec:
  selector:
    run: websample-canary
  ports:
  - port: 80
    targetPort: 5000
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: websample-canary
  annotations:
    nginx.ingress.kubernetes.io/canary: "true"
    nginx.ingress.kubernetes.io/canary-weight: "${weight}"
    nginx.ingress.kubernetes.io/canary-by-header: X-Canary
spec:
  ingressClassName: nginx
  rules:
  - host: websample.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: websample-canary
            port:
              number: 80
`
}
