/**
 * Manifests for the graph benchmark: `groups` copies of host → two paths → Service → Deployment with two pods,
 * eight graph nodes each (host, two paths, Service, Deployment, ReplicaSet, two pods).
 */
export function makeGraphManifest(groups: number): string {
  const docs: string[] = []
  for (let i = 0; i < groups; i++) {
    docs.push(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: site-${i}
spec:
  rules:
  - host: app-${i}.example.com
    http:
      paths:
      - path: /api
        pathType: Prefix
        backend:
          service:
            name: svc-${i}
            port:
              number: 80
      - path: /web
        pathType: Prefix
        backend:
          service:
            name: svc-${i}
            port:
              number: 80
---
apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
spec:
  selector:
    app: app-${i}
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      containers:
      - name: app
        image: example/app:${i}
        ports:
        - containerPort: 8080
`)
  }
  return docs.join('---\n')
}
