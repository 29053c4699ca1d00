/**
 * The preset DEFLATE dictionary of `v2` links: text that typical Ingress/Service/Deployment/Secret manifests
 * repeat, so even the first occurrence of `apiVersion: apps/v1` in a link costs a back-reference instead of
 * literals. It shortens the seed scenario's link by about a third.
 *
 * FROZEN: every `v2` link ever made decodes only with exactly these bytes (codec.test.ts pins their checksum).
 * A better dictionary needs a new format tag and this one kept for the old links. DEFLATE favours near
 * back-references, so the most common text stands last.
 */
const TEXT = `{"title":"","view":"","tester":{"requests":[{"url":"http://","headers":{"Host":""},"cookies":{}}]},"simulation":{"deployment":"","parameters":{"rps":50,"appStartSeconds":3,"sigterm":"immediate"}},"timeline":{"cursorSeconds":0},"rules":{"enabled":false,"severity":"warning"},"preset":{"id":"","step":0},"redactedSecrets":1}
kind: ConfigMap
kind: IngressClass
  controller: k8s.io/ingress-nginx
    ingressclass.kubernetes.io/is-default-class: "true"
    nginx.ingress.kubernetes.io/ssl-redirect: "false"
    nginx.ingress.kubernetes.io/use-regex: "true"
    nginx.ingress.kubernetes.io/canary-by-header: 
    nginx.ingress.kubernetes.io/canary-weight: "20"
    nginx.ingress.kubernetes.io/canary: "true"
    nginx.ingress.kubernetes.io/rewrite-target: /$2
    nginx.ingress.kubernetes.io/rewrite-target: /
    kubernetes.io/ingress.class: nginx
  ingressClassName: nginx
  defaultBackend:
  - host: example.com
    http:
      paths:
      - path: /
        pathType: ImplementationSpecific
        pathType: Exact
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              name: http
              number: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: default
  annotations:
spec:
  tls:
  - hosts:
    - example.com
    secretName: tls-secret
  rules:
  - host: 
    http:
      paths:
      - path: /
        backend:
          serviceName: 
          servicePort: 80
---
apiVersion: v1
kind: Secret
metadata:
  name: 
type: kubernetes.io/tls
type: Opaque
stringData:
data:
  tls.crt: REDACTED
  tls.key: REDACTED
---
apiVersion: v1
kind: Service
metadata:
  name: 
  labels:
spec:
  type: ClusterIP
  selector:
    app: 
  ports:
  - name: http
    port: 80
    protocol: TCP
    targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: 
  labels:
    app: 
spec:
  replicas: 3
  minReadySeconds: 
  progressDeadlineSeconds: 600
  selector:
    matchLabels:
      app: 
  strategy:
    type: Recreate
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 25%
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app: 
    spec:
      terminationGracePeriodSeconds: 30
      containers:
      - name: 
        image: nginx:1.27
        imagePullPolicy: IfNotPresent
        args: ["-listen=:8080", "-text=
        command: ["sleep", "
        ports:
        - containerPort: 8080
          protocol: TCP
        - containerPort: 80
          name: http
        startupProbe:
          tcpSocket:
            port: 8080
        livenessProbe:
          httpGet:
            path: /healthz
            port: 8080
          failureThreshold: 3
        readinessProbe:
          httpGet:
            path: /
            port: 8080
          initialDelaySeconds: 5
          periodSeconds: 10
        lifecycle:
          preStop:
            exec:
              command: ["sleep", "15"]
            sleep:
              seconds: 15
            httpGet:
              path: /
              port: 
`

let bytes: Uint8Array | undefined

/** The dictionary's bytes (UTF-8), made on first use so importing the engine costs nothing until a link is made. */
export function dictionaryV2(): Uint8Array {
  return (bytes ??= new TextEncoder().encode(TEXT))
}
